package io.querylens.jdbc.internal;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.serverstats.ServerStatsReader;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a {@link Connection}: statements it creates are wrapped, and, when it is the application's
 * checkout, its hold time is recorded when it closes. It keeps the statements the application left
 * open so that closing the connection still ends their executions. Every other method delegates
 * through the generated {@link DelegatingConnection}. Internal: public only for the agent.
 *
 * <p>It wraps either a physical connection or a pool's proxy connection (a checkout). A physical
 * connection that a pool lends through its proxy is <i>covered</i> while the checkout over that
 * proxy is open: the checkout records the executions (so that the application's statements lead
 * back to the connection it holds), and the physical connection hands out its driver's statements
 * unwrapped, so that each execution is recorded once (decision 0030).
 */
public final class QueryLensConnection extends DelegatingConnection {
  static final int MAX_TRACKED = 1024;

  /** {@link #checkoutAt} of a connection that is no checkout of the application's. */
  private static final long NO_CHECKOUT = Long.MIN_VALUE;

  final Recording recording;
  private boolean closed;

  /**
   * When the application's checkout of this connection began; {@link #NO_CHECKOUT} if it is none.
   */
  private long checkoutAt = NO_CHECKOUT;

  /** The open checkout that records the executions of this physical connection, or null. */
  private QueryLensConnection coveredBy;

  /** For a checkout over a pool's proxy: the physical connection it covers, or null. */
  private QueryLensConnection covers;

  /** The database this connection is on, read from its metadata at the first execution. */
  private Database database;

  /** Read with the database, at the first statement. */
  private ConnectionDialect dialect;

  /** Open statements, usually closed in reverse order of creation (searched from the end). */
  private QueryLensStatement<?>[] open;

  private int openCount;

  /** The last metadata handed out, or null. */
  private QueryLensDatabaseMetaData metaData;

  /** Issues transaction ids: unique in this JVM, 0 meaning none. */
  private static final AtomicLong transactions = new AtomicLong();

  /** Whether the connection is in autocommit mode, as the application last set it. */
  private boolean autoCommit;

  /** The current JDBC transaction's id, 0 until its first execution (or under autocommit). */
  private long transactionId;

  QueryLensConnection(Connection delegate, Recording recording) {
    super(delegate);
    this.recording = recording;
    this.autoCommit = initialAutoCommit(delegate);
  }

  /**
   * Wraps {@code connection}, a physical connection just opened or a pool's proxy over physical
   * connections QueryLens does not see; it is no checkout until {@link #checkoutBegan}.
   */
  public static QueryLensConnection create(Connection connection, Recording recording) {
    return new QueryLensConnection(connection, recording);
  }

  /**
   * The checkout of {@code proxy}, a pool's connection over {@code physical}, which QueryLens
   * records: the checkout records the executions from now until it closes, and {@code physical}
   * hands out unwrapped statements meanwhile. {@code physical} is a pool's from now on, never the
   * application's checkout itself.
   */
  public static QueryLensConnection checkoutOver(
      Connection proxy, QueryLensConnection physical, Recording recording, long now) {
    QueryLensConnection checkout = new QueryLensConnection(proxy, recording);
    physical.checkoutAt = NO_CHECKOUT;
    physical.coveredBy = checkout;
    checkout.covers = physical;
    checkout.checkoutAt = now;
    return checkout;
  }

  /** This connection is the application's checkout from {@code now}: its close records the hold. */
  public void checkoutBegan(long now) {
    checkoutAt = now;
  }

  /**
   * The physical connection QueryLens records under {@code proxy}, a pool's connection, or null
   * when it cannot be reached.
   */
  public static QueryLensConnection under(Connection proxy) {
    try {
      Connection physical = proxy.unwrap(QueryLensConnection.class);
      return physical instanceof QueryLensConnection ? (QueryLensConnection) physical : null;
    } catch (Throwable t) { // a pool that answers isWrapperFor but will not unwrap
      return null;
    }
  }

  /**
   * Whether {@code connection} is recorded by QueryLens: a QueryLens connection, or a pool's proxy
   * over one.
   */
  public static boolean isRecorded(Connection connection) {
    if (connection instanceof QueryLensConnection) {
      return true;
    }
    try {
      return connection.isWrapperFor(QueryLensConnection.class);
    } catch (Throwable t) { // a driver may reject the question; wrapping is still right
      Faults.report("isWrapperFor", t);
      return false;
    }
  }

  private static boolean initialAutoCommit(Connection connection) {
    try {
      return connection.getAutoCommit();
    } catch (Throwable t) { // a closed or broken connection: the application will find out
      return true;
    }
  }

  /**
   * The transaction an execution starting now runs in: with autocommit off, every execution until
   * commit or rollback shares one id; under autocommit, 0.
   */
  long transactionId() {
    if (autoCommit) {
      return 0;
    }
    long id = transactionId;
    if (id == 0) {
      id = transactionId = transactions.incrementAndGet();
    }
    return id;
  }

  /**
   * The database this connection is on: its metadata's URL is read once, at the first execution,
   * and parsed once per URL.
   */
  Database database() {
    Database d = database;
    if (d == null) {
      d = database = Databases.of(delegate);
      ServerStatsReader.seenConnection(recording, delegate, d);
    }
    return d;
  }

  /** How this connection's database reads SQL now, for its shapes. */
  SqlDialect dialect() {
    ConnectionDialect d = dialect;
    if (d == null) {
      d = dialect = ConnectionDialect.of(delegate, database());
    }
    return d.now();
  }

  private void transactionEnded() {
    long id = transactionId;
    if (id != 0) {
      transactionId = 0;
      recording.transactionEnded(id);
    }
  }

  /**
   * Wraps {@code connection}, which the application holds from {@code checkoutAt} on ({@code
   * QueryLens.wrap(connection)}), unless it is null or already recorded by QueryLens (directly, or
   * under a pool's proxy), so that each execution is recorded once.
   */
  public static Connection wrap(Connection connection, Recording recording, long checkoutAt) {
    if (connection == null || isRecorded(connection)) {
      return connection;
    }
    QueryLensConnection wrapped = new QueryLensConnection(connection, recording);
    wrapped.checkoutAt = checkoutAt;
    return wrapped;
  }

  /**
   * Remembers an open statement. At most {@value #MAX_TRACKED} are kept, so that an application
   * leaking statements on a long-lived connection does not leak them through QueryLens too; an
   * untracked statement only misses being ended by the connection's close. Connections are normally
   * used by one thread at a time; should one be shared, a race here is caught and counted, never
   * thrown.
   */
  private <T extends QueryLensStatement<?>> T track(T statement) {
    try {
      QueryLensStatement<?>[] list = open;
      if (list == null) {
        list = open = new QueryLensStatement<?>[8];
      } else if (openCount == list.length) {
        if (openCount >= MAX_TRACKED) {
          return statement;
        }
        list = open = Arrays.copyOf(list, openCount * 2);
      }
      list[openCount++] = statement;
    } catch (Throwable t) {
      Faults.report("track statement", t);
    }
    return statement;
  }

  void forget(QueryLensStatement<?> statement) {
    try {
      QueryLensStatement<?>[] list = open;
      int last = openCount - 1;
      if (last >= 0 && list[last] == statement) { // the usual case: closed in reverse order
        list[last] = null;
        openCount = last;
        return;
      }
      for (int i = last - 1; i >= 0; i--) {
        if (list[i] == statement) {
          System.arraycopy(list, i + 1, list, i, openCount - i - 1);
          list[--openCount] = null;
          return;
        }
      }
    } catch (Throwable t) {
      Faults.report("forget statement", t);
    }
  }

  private QueryShape shapeOf(String sql) {
    return recording.shapeOf(dialect(), sql);
  }

  @Override
  public Statement createStatement() throws SQLException {
    return plain(delegate.createStatement());
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return plain(delegate.createStatement(resultSetType, resultSetConcurrency));
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    return plain(
        delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  /** The driver's statement wrapped, unless a checkout over a pool's proxy records it instead. */
  private Statement plain(Statement statement) {
    return coveredBy != null ? statement : track(new QueryLensStatement<>(statement, this));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepared(delegate.prepareStatement(sql), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepared(delegate.prepareStatement(sql, autoGeneratedKeys), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepared(delegate.prepareStatement(sql, columnIndexes), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepared(delegate.prepareStatement(sql, columnNames), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepared(delegate.prepareStatement(sql, resultSetType, resultSetConcurrency), sql);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return prepared(
        delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability),
        sql);
  }

  private PreparedStatement prepared(PreparedStatement statement, String sql) {
    if (coveredBy != null) {
      return statement;
    }
    return track(new QueryLensPreparedStatement<>(statement, this, shapeOf(sql)));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return callable(delegate.prepareCall(sql), sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return callable(delegate.prepareCall(sql, resultSetType, resultSetConcurrency), sql);
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return callable(
        delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability), sql);
  }

  private CallableStatement callable(CallableStatement statement, String sql) {
    if (coveredBy != null) {
      return statement;
    }
    return track(new QueryLensCallableStatement(statement, this, shapeOf(sql)));
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      endOpenStatements();
      transactionEnded();
      endCheckout();
    }
    delegate.close();
  }

  /**
   * Records the hold of the application's checkout, if this is one, and uncovers what it covered.
   */
  private void endCheckout() {
    try {
      if (checkoutAt != NO_CHECKOUT) {
        recording.recordHold(System.nanoTime() - checkoutAt);
      }
      QueryLensConnection physical = covers;
      if (physical != null && physical.coveredBy == this) {
        physical.coveredBy = null;
      }
    } catch (Throwable t) {
      Faults.report("hold", t);
    }
  }

  private void endOpenStatements() {
    try {
      QueryLensStatement<?>[] list = open;
      for (int i = 0; i < openCount; i++) {
        list[i].endOpenExecution();
        list[i] = null;
      }
    } catch (Throwable t) {
      Faults.report("end open statements", t);
    }
    openCount = 0;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Unwrapping.unwrap(this, QueryLensConnection.class, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Unwrapping.isWrapperFor(this, QueryLensConnection.class, delegate, iface);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    delegate.setAutoCommit(autoCommit);
    if (autoCommit && !this.autoCommit) {
      transactionEnded(); // switching autocommit on commits the transaction
    }
    this.autoCommit = autoCommit;
  }

  @Override
  public void commit() throws SQLException {
    delegate.commit();
    transactionEnded();
  }

  @Override
  public void rollback() throws SQLException {
    try {
      delegate.rollback();
    } finally {
      transactionEnded();
    }
  }

  /**
   * The driver's metadata, wrapped so that it leads back to this connection; the same wrapper while
   * the driver hands out the same object.
   */
  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    DatabaseMetaData driverMetaData = delegate.getMetaData();
    if (coveredBy != null) {
      return driverMetaData;
    }
    QueryLensDatabaseMetaData wrapped = metaData;
    if (wrapped == null || wrapped.delegate != driverMetaData) {
      if (driverMetaData == null) {
        return null;
      }
      wrapped = metaData = new QueryLensDatabaseMetaData(driverMetaData, this);
    }
    return wrapped;
  }

  /**
   * Wraps a statement the driver made itself (the one behind a metadata cursor, or another that a
   * cursor names as its own), keeping its JDBC kind, so that it too leads back to this connection.
   * Its SQL is unknown: executions through it, which applications hardly make, are recorded under
   * the shape of the empty text. Not tracked: the driver closes it with its cursor.
   */
  QueryLensStatement<?> adopt(Statement statement) {
    if (statement instanceof CallableStatement) {
      return new QueryLensCallableStatement((CallableStatement) statement, this, shapeOf(null));
    }
    if (statement instanceof PreparedStatement) {
      return new QueryLensPreparedStatement<>((PreparedStatement) statement, this, shapeOf(null));
    }
    return new QueryLensStatement<>(statement, this);
  }
}
