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

  /** These statistics with {@code server} as the server's side. */
  public ShapeSnapshot withServer(ServerSide server) {
    return new ShapeSnapshot(
        shape, database, count, errors, totalNanos, execute, fetch, process, rows, server);
  }
}
