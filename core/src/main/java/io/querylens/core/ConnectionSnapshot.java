package io.querylens.core;

/**
 * Immutable connection statistics: {@code acquire} is the time inside {@code getConnection()} (pool
 * wait), {@code hold} the time from getConnection to close, both in nanoseconds.
 */
public record ConnectionSnapshot(
    DistributionSnapshot acquire, DistributionSnapshot hold, long acquireErrors) {}
