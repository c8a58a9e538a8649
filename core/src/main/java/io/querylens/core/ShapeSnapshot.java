package io.querylens.core;

/**
 * Immutable statistics of one query shape. {@code totalNanos} is the sum of execute, fetch and
 * process time over all executions. {@code database} is the database the shape was first recorded
 * on: a shape run on two databases is attributed to the first.
 */
public record ShapeSnapshot(
    QueryShape shape,
    Database database,
    long count,
    long errors,
    long totalNanos,
    DistributionSnapshot execute,
    DistributionSnapshot fetch,
    DistributionSnapshot process,
    DistributionSnapshot rows,
    ServerSide server) {

  /** Statistics without the server's side. */
  public ShapeSnapshot(
      QueryShape shape,
      Database database,
      long count,
      long errors,
      long totalNanos,
      DistributionSnapshot execute,
      DistributionSnapshot fetch,
      DistributionSnapshot process,
      DistributionSnapshot rows) {
    this(shape, database, count, errors, totalNanos, execute, fetch, process, rows, null);
  }

  /** The client's execute + fetch per execution, the time to set beside the server's; 0 unrun. */
  public long clientMeanNanos() {
    if (count == 0) {
      return 0;
    }
    return (sum(execute) + sum(fetch)) / count;
  }

  private static long sum(DistributionSnapshot d) {
    return d == null ? 0 : d.sum();
  }

  /** These statistics with {@code server} as the server's side. */
  public ShapeSnapshot withServer(ServerSide server) {
    return new ShapeSnapshot(
        shape, database, count, errors, totalNanos, execute, fetch, process, rows, server);
  }
}
