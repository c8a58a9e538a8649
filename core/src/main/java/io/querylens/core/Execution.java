package io.querylens.core;

import java.sql.SQLException;

/**
 * One execution of a statement (an execute, executeQuery, executeUpdate, executeLargeUpdate or
 * executeBatch call, a batch counting once) with its timings in nanoseconds.
 *
 * <p>{@code execute} is the time inside the execute call; {@code fetch} the time inside {@code
 * ResultSet.next()}; {@code process} the time from execute's return to the cursor's end minus fetch
 * (the application working while it holds the cursor). {@code rows} is the number of rows read or
 * affected, or -1 when unknown.
 */
public final class Execution {
  private final boolean insideExecute;
  private final QueryShape shape;
  private final Database database;
  private final long startNanos;
  private final long executeNanos;
  private final long fetchNanos;
  private final long processNanos;
  private final long rows;
  private final int batchSize;
  private final String sqlState;
  private final int vendorCode;
  private final String errorType;
  private final long parameterHash;
  private final long transactionId;

  /**
   * @param insideExecute whether it is delivered inside its execute call (see {@link
   *     #insideExecute()})
   * @param database the database the connection is on
   * @param startNanos {@link System#nanoTime()} when the execute call began
   * @param batchSize statements in the batch, or 0 when this was not a batch
   * @param error what the driver threw, or null; only its class name, SQLState and vendor code are
   *     kept
   * @param parameterHash a hash of the bound values (for a plain Statement, of the SQL text),
   *     compared in memory to tell repetitions apart and never stored or exported
   * @param transactionId the JDBC transaction the execution ran in (autocommit off, until commit or
   *     rollback), unique in this JVM, or 0 under autocommit
   */
  public Execution(
      boolean insideExecute,
      QueryShape shape,
      Database database,
      long startNanos,
      long executeNanos,
      long fetchNanos,
      long processNanos,
      long rows,
      int batchSize,
      Throwable error,
      long parameterHash,
      long transactionId) {
    this.insideExecute = insideExecute;
    this.shape = shape;
    this.database = database;
    this.startNanos = startNanos;
    this.executeNanos = executeNanos;
    this.fetchNanos = fetchNanos;
    this.processNanos = processNanos;
    this.rows = rows;
    this.batchSize = batchSize;
    if (error instanceof SQLException) {
      SQLException e = (SQLException) error;
      this.sqlState = e.getSQLState();
      this.vendorCode = e.getErrorCode();
    } else {
      this.sqlState = null;
      this.vendorCode = 0;
    }
    this.errorType = error == null ? null : error.getClass().getName();
    this.parameterHash = parameterHash;
    this.transactionId = transactionId;
  }

  public QueryShape shape() {
    return shape;
  }

  /**
   * Whether this execution is delivered inside its execute call (an update, a batch, a failure), so
   * that whatever the call made current (another tool's span) still is; false for a cursor that
   * ended later or an outcome read later, whose execute call announced its return through {@link
   * ExecutionListener#onExecuteReturned}.
   */
  public boolean insideExecute() {
    return insideExecute;
  }

  /** The database the execution ran on ({@link Database#UNKNOWN} when it could not be told). */
  public Database database() {
    return database;
  }

  /** {@link System#nanoTime()} when the execute call began. */
  public long startNanos() {
    return startNanos;
  }

  public long executeNanos() {
    return executeNanos;
  }

  public long fetchNanos() {
    return fetchNanos;
  }

  public long processNanos() {
    return processNanos;
  }

  /** execute + fetch + process. */
  public long totalNanos() {
    return executeNanos + fetchNanos + processNanos;
  }

  /** Rows read or affected, -1 when unknown. */
  public long rows() {
    return rows;
  }

  /** Statements in the batch, 0 when this execution was not a batch. */
  public int batchSize() {
    return batchSize;
  }

  /** Whether the driver threw. */
  public boolean failed() {
    return errorType != null;
  }

  /** SQLState of the driver's exception, or null. */
  public String sqlState() {
    return sqlState;
  }

  /** The driver exception's vendor error code, 0 when there is none or the call did not fail. */
  public int vendorCode() {
    return vendorCode;
  }

  /** Fully qualified class name of what the driver threw, or null. */
  public String errorType() {
    return errorType;
  }

  /** Hash of the bound values (or plain SQL text): in memory only, never exported. */
  public long parameterHash() {
    return parameterHash;
  }

  /** The JDBC transaction this ran in, or 0 under autocommit. */
  public long transactionId() {
    return transactionId;
  }

  @Override
  public String toString() {
    return "Execution{"
        + shape.text()
        + ", execute="
        + executeNanos
        + ", fetch="
        + fetchNanos
        + ", process="
        + processNanos
        + ", rows="
        + rows
        + ", batch="
        + batchSize
        + (failed() ? ", failed " + sqlState : "")
        + '}';
  }
}
