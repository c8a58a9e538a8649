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
   * Whether, under a pool, each {@code getConnection()} the application calls on the DataSource
   * from {@link #instrument} is seen as one checkout: one acquire (the pool wait) and, once the
   * connection is closed, one hold. True where QueryLens wraps or instruments the pool itself;
   * false where it sits under the pool (the driver URL as the pool's URL, the wrapper under the
   * pool), where only the pool's physical connects are seen. Defaults to false, which skips the
   * checkout assertions; without a pool every mode records one physical connect per call.
   */
  public boolean seesPoolCheckouts() {
    return false;
  }

  @Override
  public final String toString() {
    return name;
  }
}
