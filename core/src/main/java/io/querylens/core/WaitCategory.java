package io.querylens.core;

/**
 * What a statement in flight was doing on the database server when QueryLens sampled it: the
 * categories of PostgreSQL's {@code pg_stat_activity.wait_event_type} and of MariaDB's lock waits,
 * folded to the few that decide what to fix.
 */
public enum WaitCategory {
  /** Running on the server's CPU (active, waiting for nothing). */
  CPU("CPU"),
  /** Waiting for a lock another session holds (row, table, advisory). */
  LOCK("lock wait"),
  /** Waiting for disk reads or writes. */
  IO("I/O"),
  /** Waiting for something else: latches, timers ({@code pg_sleep}), inter-process signals. */
  OTHER("other wait");

  private final String label;

  WaitCategory(String label) {
    this.label = label;
  }

  /** The name reports show, e.g. {@code lock wait}. */
  public String label() {
    return label;
  }
}
