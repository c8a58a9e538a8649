package io.querylens.core;

/**
 * Immutable connection statistics, in nanoseconds: {@code acquire} is the pool wait of each
 * checkout from a pool (time inside the pool's {@code getConnection()} beyond any physical connect
 * nested in it), {@code connect} each physical connect (a driver's {@code connect}, or a DataSource
 * that does not pool), wherever it ran (a pool's own threads included), and {@code hold} each
 * checkout, from the {@code getConnection()} that handed the application its connection to the
 * application's {@code close()}. {@code acquireErrors} counts {@code getConnection()} calls that
 * threw.
 */
public record ConnectionSnapshot(
    DistributionSnapshot acquire,
    DistributionSnapshot connect,
    DistributionSnapshot hold,
    long acquireErrors) {}
