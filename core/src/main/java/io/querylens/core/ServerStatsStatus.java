package io.querylens.core;

/**
 * Whether QueryLens reads one database's own statistics, and how that went: reports say why server
 * figures are missing rather than leaving a blank.
 *
 * @param database the database
 * @param source {@code pg_stat_statements}, {@code performance_schema}, or the name of what was
 *     looked for
 * @param state reading, unavailable (with {@code detail} saying how to enable it), off, or failing
 * @param detail a sentence for the user, never holding credentials
 * @param polls successful reads so far
 * @param matchedShapes shapes of this database the server's statistics matched
 * @param unmatchedShapes shapes of this database they did not match (text the server normalises
 *     differently, truncated, or evicted from the server's table)
 */
public record ServerStatsStatus(
    Database database,
    String source,
    State state,
    String detail,
    long polls,
    int matchedShapes,
    int unmatchedShapes) {

  /** What the reader of a database is doing. */
  public enum State {
    /** Reading the statistics at the configured interval. */
    READING,
    /** The source is missing or not readable; {@code detail} says how to enable it. */
    UNAVAILABLE,
    /** Turned off by configuration. */
    OFF,
    /** Reading failed; {@code detail} says how. */
    FAILING
  }
}
