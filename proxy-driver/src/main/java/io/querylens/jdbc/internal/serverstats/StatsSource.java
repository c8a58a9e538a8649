package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.Database;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.ServerStatistics;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database vendor's own statement statistics ({@code pg_stat_statements}, {@code
 * performance_schema}), read on the statistics connection, never on the application's. One instance
 * per database, used by one reader thread: it keeps the cumulative figures of its previous read so
 * that it adds only what changed. It reads the server's normalised statement texts only, matches
 * them with {@link ServerStatistics#match} and keeps none of them.
 */
public interface StatsSource {
  /** The name reports show, e.g. {@code pg_stat_statements}. */
  String name();

  /**
   * Null when the statistics are readable on {@code connection}; otherwise one sentence saying what
   * is missing and how to enable it (e.g. {@code shared_preload_libraries}).
   */
  String unavailableReason(Connection connection) throws SQLException;

  /**
   * Reads the statistics and adds, per matched shape, what changed since the previous read; the
   * first read only sets the baseline. Returns the number of the server's statements matched.
   */
  int read(Connection connection, Database database, SqlDialect dialect, ServerStatistics into)
      throws SQLException;

  /**
   * A sentence the status adds while the statistics are read, naming a setting that would make them
   * better, or null; as of the last {@link #read}.
   */
  default String advice() {
    return null;
  }

  /**
   * Samples the statements of {@code database} in flight in other sessions and adds one wait sample
   * per matched statement, each standing for {@code intervalNanos}.
   */
  void sample(Connection connection, Database database, ServerStatistics into, long intervalNanos)
      throws SQLException;

  /**
   * Adds generic plans (no bind values) of up to {@code max} of the slowest matched SELECT shapes
   * not explained yet; a no-op where the vendor cannot explain without values.
   */
  void explain(Connection connection, Database database, ServerStatistics into, int max)
      throws SQLException;
}
