package io.querylens.core;

/**
 * Where time went, in nanoseconds: database-side ({@code dbExecuteNanos} inside execute calls,
 * {@code dbFetchNanos} inside {@code next()}) and application-side ({@code appProcessNanos} while
 * holding a cursor, {@code poolAcquireNanos} waiting for a connection). {@code
 * wastedRoundTripNanos} is the part of the database time spent in round trips that findings flagged
 * as avoidable; it is included in the database figures, not added to them.
 */
public record TimeSplit(
    long dbExecuteNanos,
    long dbFetchNanos,
    long appProcessNanos,
    long poolAcquireNanos,
    long wastedRoundTripNanos) {

  public static final TimeSplit EMPTY = new TimeSplit(0, 0, 0, 0, 0);

  /** execute + fetch. */
  public long databaseNanos() {
    return dbExecuteNanos + dbFetchNanos;
  }

  /** process + acquire. */
  public long applicationNanos() {
    return appProcessNanos + poolAcquireNanos;
  }

  /** Both sides together. */
  public long totalNanos() {
    return databaseNanos() + applicationNanos();
  }
}
