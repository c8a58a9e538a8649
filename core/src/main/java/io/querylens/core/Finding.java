package io.querylens.core;

/**
 * A pattern inside units of work that cost round trips the application did not need, aggregated
 * over every unit where it was seen with the same kind, shape and call site.
 *
 * @param kind what was repeated
 * @param shape the repeated query shape
 * @param parentShape the query whose rows the repetitions followed, or null when unknown
 * @param parentRows rows the parent returned, or -1 when unknown
 * @param callSite first application frame of the repeated execution, e.g. {@code
 *     com.example.OrderService.listOrders(OrderService.java:42)}, or {@code "(unknown)"}
 * @param occurrences units of work in which it was seen
 * @param maxCount most repetitions in one unit
 * @param totalCount repetitions over all units
 * @param wastedNanos database time of the repetitions beyond one round trip, summed over units
 * @param hint what usually removes it
 * @param exampleUnit name of one unit where it was seen
 * @param firstSeenMillis wall-clock time it was first seen
 * @param lastSeenMillis wall-clock time it was last seen
 */
public record Finding(
    FindingKind kind,
    QueryShape shape,
    QueryShape parentShape,
    long parentRows,
    String callSite,
    long occurrences,
    long maxCount,
    long totalCount,
    long wastedNanos,
    String hint,
    String exampleUnit,
    long firstSeenMillis,
    long lastSeenMillis) {}
