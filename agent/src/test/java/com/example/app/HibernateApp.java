package com.example.app;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate on H2 through its own connection pool (so through {@code Driver.connect}): stores
 * {@code 8} owners with two pets each, then lists the owners and touches each one's pets, the
 * classic N+1.
 */
final class HibernateApp {
  static final int OWNERS = 8;

  private HibernateApp() {}

  public static void main(String[] args) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.url", "jdbc:h2:mem:orm;DB_CLOSE_DELAY=-1")
            .applySetting("hibernate.connection.username", "sa")
            .applySetting("hibernate.connection.password", "")
            .applySetting("hibernate.hbm2ddl.auto", "create")
            .applySetting("hibernate.show_sql", "false")
            .build();
    try (SessionFactory factory =
        new MetadataSources(registry)
            .addAnnotatedClass(AgentOwner.class)
            .addAnnotatedClass(AgentPet.class)
            .buildMetadata()
            .buildSessionFactory()) {
      try (Session session = factory.openSession()) {
        Transaction tx = session.beginTransaction();
        for (long o = 1; o <= OWNERS; o++) {
          AgentOwner owner = new AgentOwner(o, "owner " + o);
          session.persist(owner);
          session.persist(new AgentPet(o * 10, "cat", owner));
          session.persist(new AgentPet(o * 10 + 1, "dog", owner));
        }
        tx.commit();
      }
      int pets = 0;
      try (Session session = factory.openSession()) {
        Transaction tx = session.beginTransaction(); // one JDBC transaction: one unit of work
        for (AgentOwner owner :
            session.createQuery("from AgentOwner order by id", AgentOwner.class).list()) {
          pets += owner.getPets().size();
        }
        tx.commit();
      }
      if (pets != 2 * OWNERS) {
        throw new IllegalStateException("pets " + pets);
      }
    }
  }
}
