package io.querylens.jdbc.corpus;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate ORM bootstrapped without Spring over a {@code jdbc:querylens:} DataSource, on the
 * corpus tables (made beforehand through the raw DataSource; Hibernate creates no schema). Three
 * session factories over the same mapping: lazy loading one row at a time, and with {@code
 * hibernate.default_batch_fetch_size} = {@value #BATCH_SIZE} or {@value #SMALL_BATCH_SIZE}.
 */
final class OrmFixture implements AutoCloseable {
  /** Larger than the number of owners, so one batch initialises every lazy owner or collection. */
  static final int BATCH_SIZE = 16;

  /** So small that the ten owners still take five batches: a smaller N+1 of the batch shape. */
  static final int SMALL_BATCH_SIZE = 2;

  static {
    // Hibernate logs through JBoss Logging: send it to SLF4J and keep it to warnings
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("org.slf4j.simpleLogger.log.org.hibernate", "warn");
  }

  private final SessionFactory lazy;
  private final SessionFactory batched;
  private final SessionFactory smallBatches;

  OrmFixture(DataSource instrumented) {
    this.lazy = build(instrumented, 0);
    this.batched = build(instrumented, BATCH_SIZE);
    this.smallBatches = build(instrumented, SMALL_BATCH_SIZE);
  }

  /** Lazy associations loaded one statement per owner or collection. */
  SessionFactory lazy() {
    return lazy;
  }

  /** Lazy associations loaded {@value #BATCH_SIZE} at a time. */
  SessionFactory batched() {
    return batched;
  }

  /** Lazy associations loaded {@value #SMALL_BATCH_SIZE} at a time. */
  SessionFactory smallBatches() {
    return smallBatches;
  }

  private static SessionFactory build(DataSource dataSource, int batchSize) {
    StandardServiceRegistryBuilder settings =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.datasource", dataSource)
            .applySetting("hibernate.hbm2ddl.auto", "none")
            .applySetting("hibernate.show_sql", "false");
    if (batchSize > 0) {
      settings.applySetting("hibernate.default_batch_fetch_size", batchSize);
    }
    StandardServiceRegistry registry = settings.build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(Owner.class)
          .addAnnotatedClass(Pet.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  @Override
  public void close() {
    lazy.close();
    batched.close();
    smallBatches.close();
  }
}
