package io.querylens.core;

/**
 * What the database server itself recorded for one query shape since QueryLens started reading its
 * statistics (PostgreSQL's {@code pg_stat_statements}, MariaDB's {@code performance_schema}
 * statement digests): the server's execution time next to the client's, so the difference (network,
 * driver, server queueing) shows. Figures the source does not keep are {@code -1}.
 *
 * <p>Server statistics cover every session running the statement, not only this application's:
 * {@code calls} larger than the shape's client count says that others ran it too, and per-call
 * means are then the fairer comparison.
 *
 * @param source where the figures come from: {@code pg_stat_statements} or {@code
 *     performance_schema}
 * @param calls executions the server counted
 * @param executeNanos server execution time, in total
 * @param planNanos planning time, in total ({@code -1} unless PostgreSQL tracks planning)
 * @param rows rows returned or affected
 * @param rowsExamined rows the server read to produce them (MariaDB), or {@code -1}
 * @param blocksHit shared buffer hits (PostgreSQL), or {@code -1}
 * @param blocksRead shared blocks read from disk or the OS cache (PostgreSQL), or {@code -1}
 * @param lockNanos time waiting for table locks as the server counts it (MariaDB), or {@code -1}
 * @param noIndexCalls executions that used no index (MariaDB), or {@code -1}
 * @param waits samples of the shape's statements in flight
 * @param plan a one-line summary of the shape's plan (EXPLAIN, no values), or null
 */
public record ServerSide(
    String source,
    long calls,
    long executeNanos,
    long planNanos,
    long rows,
    long rowsExamined,
    long blocksHit,
    long blocksRead,
    long lockNanos,
    long noIndexCalls,
    WaitProfile waits,
    String plan) {

  public ServerSide {
    waits = waits == null ? WaitProfile.NONE : waits;
  }

  /** These figures with {@code waits} as the samples in flight. */
  public ServerSide withWaits(WaitProfile waits) {
    return new ServerSide(
        source,
        calls,
        executeNanos,
        planNanos,
        rows,
        rowsExamined,
        blocksHit,
        blocksRead,
        lockNanos,
        noIndexCalls,
        waits,
        plan);
  }

  /** These figures with {@code plan} as the plan summary. */
  public ServerSide withPlan(String plan) {
    return new ServerSide(
        source,
        calls,
        executeNanos,
        planNanos,
        rows,
        rowsExamined,
        blocksHit,
        blocksRead,
        lockNanos,
        noIndexCalls,
        waits,
        plan);
  }

  /** Server time in total: planning (when known) plus execution. */
  public long totalNanos() {
    return executeNanos + Math.max(planNanos, 0);
  }

  /** Server time per call: {@link #totalNanos()} over the calls, or 0 without calls. */
  public long meanNanos() {
    return calls == 0 ? 0 : totalNanos() / calls;
  }
}
