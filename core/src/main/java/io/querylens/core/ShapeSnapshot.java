package io.querylens.core;

/**
 * Immutable statistics of one query shape. {@code totalNanos} is the sum of execute, fetch and
 * process time over all executions.
 */
public record ShapeSnapshot(
    QueryShape shape,
    long count,
    long errors,
    long totalNanos,
    DistributionSnapshot execute,
    DistributionSnapshot fetch,
    DistributionSnapshot process,
    DistributionSnapshot rows) {}
