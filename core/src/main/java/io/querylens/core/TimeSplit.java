package io.querylens.core;

/**
 * Where time went, in nanoseconds, on the application's threads: database-side ({@code
 * dbExecuteNanos} inside execute calls, {@code dbFetchNanos} inside {@code next()}),
 * application-side ({@code appProcessNanos}: working while holding a cursor), and getting a
 * connection ({@code poolWaitNanos} waiting in a pool's {@code getConnection()} beyond any physical
 * connect it made, {@code connectNanos} opening physical connections). Connection time is counted
 * only for connections the application checked out, and in a unit of work only when that unit was
 * open when the connection was requested. {@code wastedRoundTripNanos} is the part of the database
 * time spent in round trips that findings flagged as avoidable; it is included in the database
 * figures, not added to them.
 */
public record TimeSplit(
    long dbExecuteNanos,
    long dbFetchNanos,
    long appProcessNanos,
    long poolWaitNanos,
    long connectNanos,
    long wastedRoundTripNanos) {

  public static final TimeSplit EMPTY = new TimeSplit(0, 0, 0, 0, 0, 0);

  /** execute + fetch. */
  public long databaseNanos() {
    return dbExecuteNanos + dbFetchNanos;
  }

  /** The application's own processing: process. */
  public long applicationNanos() {
    return appProcessNanos;
  }

  /** Getting connections: pool wait + connect. */
  public long connectionNanos() {
    return poolWaitNanos + connectNanos;
  }

  /** Database, application and connection time together. */
  public long totalNanos() {
    return databaseNanos() + applicationNanos() + connectionNanos();
  }
}
