package io.querylens.core;

/**
 * What the database-side view of a shape says its time goes to; the label is what reports show.
 * Judged per shape from the server's statistics next to the client's (docs/database-side.md).
 */
public enum DatabaseFindingKind {
  /** The server's own time is most of what the client waited: the plan, I/O, locks or CPU. */
  SLOW_IN_DATABASE(
      "slow-in-database",
      "the server spends the time: see the cause; for locks shorten the transactions that hold"
          + " them, for I/O or CPU look at the plan and indexes"),
  /** The client waits far longer per round trip than the server works. */
  NETWORK_BOUND(
      "network-bound",
      "most of each round trip is outside the server (network, driver, queueing): fewer round"
          + " trips (batching, joins), a closer database or a larger fetch size"),
  /** The server reads far more rows than it returns, or uses no index. */
  FULL_SCAN(
      "full-scan",
      "the server reads far more rows than it returns: an index on the filtered columns, or a"
          + " narrower query");

  private final String label;
  private final String hint;

  DatabaseFindingKind(String label, String hint) {
    this.label = label;
    this.hint = hint;
  }

  /** The name users see, e.g. {@code slow-in-database}. */
  public String label() {
    return label;
  }

  /** What usually fixes it. */
  public String hint() {
    return hint;
  }
}
