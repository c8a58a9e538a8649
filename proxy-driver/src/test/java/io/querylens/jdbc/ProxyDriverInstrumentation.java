package io.querylens.jdbc;

import io.querylens.QueryLens;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.testing.DriverManagerDataSource;
import io.querylens.testing.InstrumentationMode;
import io.querylens.testing.InstrumentationUnderTest;
import io.querylens.testing.TestDatabase;
import java.util.List;
import javax.sql.DataSource;

/**
 * How proxy-driver puts QueryLens in front of a database, for the conformance suites: the {@code
 * jdbc:querylens:} URL, {@code QueryLens.wrap} over the pool, and {@code QueryLens.wrap} under the
 * pool.
 */
final class ProxyDriverInstrumentation extends InstrumentationUnderTest {
  static final ProxyDriverInstrumentation INSTANCE = new ProxyDriverInstrumentation();

  /** {@code jdbc:querylens:} followed by the vendor URL without its {@code jdbc:}. */
  static String querylensUrl(TestDatabase database) {
    return "jdbc:querylens:" + database.url().substring("jdbc:".length());
  }

  /**
   * The application names {@code jdbc:querylens:...} as its URL (DriverManager or Hikari jdbcUrl).
   */
  static final InstrumentationMode DRIVER_URL =
      new InstrumentationMode("driver-url") {
        @Override
        public DataSource instrument(TestDatabase database, boolean pooled) {
          String url = querylensUrl(database);
          return pooled
              ? database.pool(url)
              : new DriverManagerDataSource(url, database.user(), database.password());
        }
      };

  /** {@code QueryLens.wrap} around the DataSource the application calls (the pool, if any). */
  static final InstrumentationMode DATASOURCE_WRAPPER =
      new InstrumentationMode("datasource-wrapper") {
        @Override
        public DataSource instrument(TestDatabase database, boolean pooled) {
          DataSource raw = database.rawDataSource();
          return QueryLens.wrap(pooled ? database.pool(raw) : raw);
        }

        @Override
        public boolean seesPoolCheckouts() {
          return true;
        }
      };

  /** HikariCP over {@code QueryLens.wrap(raw)}: the pool hands out wrapped physical connections. */
  static final InstrumentationMode WRAPPER_UNDER_POOL =
      new InstrumentationMode("datasource-wrapper-under-pool") {
        @Override
        public DataSource instrument(TestDatabase database, boolean pooled) {
          return database.pool(QueryLens.wrap(database.rawDataSource()));
        }

        @Override
        public boolean supportsUnpooled() {
          return false; // unpooled it is DATASOURCE_WRAPPER
        }
      };

  private ProxyDriverInstrumentation() {}

  @Override
  public List<InstrumentationMode> modes() {
    return List.of(DRIVER_URL, DATASOURCE_WRAPPER, WRAPPER_UNDER_POOL);
  }

  @Override
  public QueryLensSnapshot snapshot() {
    return QueryLens.snapshot();
  }

  @Override
  public void reset() {
    QueryLens.reset();
  }

  @Override
  public DataSource instrumentAgain(DataSource instrumented) {
    return QueryLens.wrap(instrumented);
  }
}
