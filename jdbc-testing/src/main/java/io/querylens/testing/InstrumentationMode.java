package io.querylens.testing;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One way of putting QueryLens between the application and a database, such as the {@code
 * jdbc:querylens:} URL or {@code QueryLens.wrap(DataSource)}. Every suite runs once per mode,
 * database and pooling.
 */
public abstract class InstrumentationMode {
  private final String name;

  /**
   * @param name short, shown in test names, for example {@code driver-url}
   */
  protected InstrumentationMode(String name) {
    this.name = name;
  }

  public final String name() {
    return name;
  }

  /**
   * Returns a DataSource whose connections reach {@code database} through QueryLens. When {@code
   * pooled} is true the application-facing DataSource must be backed by a HikariCP pool made with
   * {@link TestDatabase#pool(DataSource)} or {@link TestDatabase#pool(String)}; the suites close
   * those pools when they are done.
   */
  public abstract DataSource instrument(TestDatabase database, boolean pooled) throws SQLException;

  /** Whether this mode also runs without a pool. Defaults to true. */
  public boolean supportsUnpooled() {
    return true;
  }

  /** Whether this mode runs under HikariCP. Defaults to true. */
  public boolean supportsPooled() {
    return true;
  }

  /**
   * Whether each {@code getConnection()} the application calls on the DataSource from {@link
   * #instrument} is recorded as exactly one acquire. True only where QueryLens wraps the DataSource
   * that the application calls; false where it sits under the pool or in the driver. Defaults to
   * false, which skips the acquire-count assertions.
   */
  public boolean recordsAcquirePerGetConnection(boolean pooled) {
    return false;
  }

  @Override
  public final String toString() {
    return name;
  }
}
