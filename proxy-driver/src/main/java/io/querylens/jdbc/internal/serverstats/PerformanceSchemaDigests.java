package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.intercept.ServerStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB's and MySQL's statement digests ({@code
 * performance_schema.events_statements_summary_by_digest}) of the database's schema, matched to the
 * recorded shapes by their normalised text, and samples of the statements in flight ({@code
 * events_statements_current}, with InnoDB's lock waits; {@code events_statements_history} for those
 * whose session ran its next statement before the sample saw them end). Reads only digest texts,
 * never a statement's own text; keeps none of them (docs/decisions/0042). Internal: public only for
 * the other QueryLens modules.
 */
public final class PerformanceSchemaDigests implements StatsSource {
  static final String SOURCE = "performance_schema";

  /** Digests not matched to any shape whose figures are still kept, in case one matches later. */
  static final int MAX_UNMATCHED = 2000;

  static final String PERFORMANCE_SCHEMA_OFF =
      "performance_schema is off: set performance_schema=ON in my.cnf and restart the server";
  static final String DIGESTS_DISABLED =
      "the performance_schema consumer statements_digest is disabled: enable it with UPDATE"
          + " performance_schema.setup_consumers SET ENABLED='YES' WHERE NAME IN"
          + " ('global_instrumentation','statements_digest'), or"
          + " performance-schema-consumer-statements-digest=ON in my.cnf";
  static final String HISTORY_OFF =
      "lock and CPU samples of a statement are lost when its session runs the next one before the"
          + " next sample: enable the consumer events_statements_history with UPDATE"
          + " performance_schema.setup_consumers SET ENABLED='YES' WHERE NAME ="
          + " 'events_statements_history', or performance-schema-consumer-events-statements-history=ON"
          + " in my.cnf";
  static final String NO_SELECT =
      "the statistics user may not read performance_schema: GRANT SELECT ON performance_schema.* TO"
          + " it";

  private static final String CONSUMERS =
      "SELECT NAME, ENABLED FROM performance_schema.setup_consumers"
          + " WHERE NAME IN ('global_instrumentation', 'statements_digest')";
  private static final String HISTORY_CONSUMER =
      "SELECT ENABLED FROM performance_schema.setup_consumers"
          + " WHERE NAME = 'events_statements_history'";
  private static final String DIGESTS =
      "SELECT DIGEST, DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT, SUM_LOCK_TIME, SUM_ROWS_SENT,"
          + " SUM_ROWS_AFFECTED, SUM_ROWS_EXAMINED, SUM_NO_INDEX_USED,"
          + " UNIX_TIMESTAMP(FIRST_SEEN), UNIX_TIMESTAMP()"
          + " FROM performance_schema.events_statements_summary_by_digest"
          + " WHERE SCHEMA_NAME = COALESCE(?, DATABASE()) AND DIGEST IS NOT NULL";
  private static final String DIGEST_TEXT =
      "SELECT DIGEST_TEXT FROM performance_schema.events_statements_summary_by_digest"
          + " WHERE SCHEMA_NAME = COALESCE(?, DATABASE()) AND DIGEST = ?";

  /**
   * The other sessions' statements on the schema, running or last ended, with whether the session's
   * InnoDB transaction waits for a row lock. The thread's state is one of the server's fixed
   * phrases; neither the statement's text nor the process list's is read.
   */
  private static final String IN_FLIGHT =
      "SELECT c.THREAD_ID, c.EVENT_ID, c.END_EVENT_ID IS NULL, c.DIGEST, t.PROCESSLIST_STATE,"
          + " EXISTS (SELECT 1 FROM information_schema.INNODB_TRX x"
          + " WHERE x.trx_mysql_thread_id = t.PROCESSLIST_ID AND x.trx_state = 'LOCK WAIT')"
          + " FROM performance_schema.events_statements_current c"
          + " JOIN performance_schema.threads t ON t.THREAD_ID = c.THREAD_ID"
          + " WHERE t.TYPE = 'FOREGROUND' AND t.PROCESSLIST_ID <> CONNECTION_ID()"
          + " AND c.CURRENT_SCHEMA = COALESCE(?, DATABASE())";

  /**
   * The digests of the last statements of some threads (followed by their ids and a parenthesis);
   * filled only while the consumer {@code events_statements_history} is on.
   */
  private static final String HISTORY =
      "SELECT THREAD_ID, EVENT_ID, DIGEST FROM performance_schema.events_statements_history"
          + " WHERE DIGEST IS NOT NULL AND THREAD_ID IN (";

  /** MariaDB's and MySQL's "access denied" errors for a table, a database, a column. */
  private static final Set<Integer> ACCESS_DENIED = Set.of(1142, 1044, 1143);

  private final DigestBaselines baselines = new DigestBaselines(MAX_UNMATCHED);
  private final InFlightSamples inFlight = new InFlightSamples();

  /** The digests the last read matched, for the samples. */
  private Map<String, QueryShape> matched = Map.of();

  /** The time each sample stood for, as last given to {@link #sample}. */
  private long sampleIntervalNanos;

  /** Whether the consumer {@code events_statements_history} was on at the last read. */
  private boolean historyOn;

  /** The server's clock (seconds) at the previous read, or -1 before the first. */
  private long previousRead = -1;

  public PerformanceSchemaDigests() {}

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String unavailableReason(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT @@performance_schema")) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return PERFORMANCE_SCHEMA_OFF;
        }
      }
      try (ResultSet rs = s.executeQuery(CONSUMERS)) {
        int enabled = 0;
        while (rs.next()) {
          enabled += "YES".equalsIgnoreCase(rs.getString(2)) ? 1 : 0;
        }
        if (enabled < 2) {
          return DIGESTS_DISABLED;
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT 1 FROM performance_schema.events_statements_summary_by_digest LIMIT 1")) {
        rs.next();
      }
      return null;
    } catch (SQLException e) {
      if (ACCESS_DENIED.contains(e.getErrorCode())) {
        return NO_SELECT;
      }
      throw e;
    }
  }

  @Override
  public int read(
      Connection connection, Database database, SqlDialect dialect, ServerStatistics into)
      throws SQLException {
    historyOn = historyOn(connection);
    Map<String, QueryShape> found = new HashMap<>();
    long now = -1;
    baselines.beginRead();
    try (PreparedStatement ps = connection.prepareStatement(DIGESTS)) {
      ps.setString(1, database.namespace());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String digest = rs.getString(1);
          QueryShape shape = match(into, database, dialect, rs.getString(2));
          DigestFigures figures =
              new DigestFigures(
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9));
          boolean fresh = previousRead >= 0 && rs.getLong(10) >= previousRead;
          now = rs.getLong(11);
          DigestFigures delta = baselines.advance(digest, figures, shape != null, fresh);
          long[] waits = inFlight.takeUnattributed(digest);
          if (shape != null) {
            found.put(digest, shape);
            if (delta != null) {
              into.add(shape, delta.toServerSide(SOURCE));
            }
            if (waits != null) {
              addWaitSamples(into, shape, waits, sampleIntervalNanos);
            }
          }
        }
      }
    }
    baselines.endRead();
    inFlight.dropUnattributed();
    previousRead = now >= 0 ? now : serverClock(connection);
    matched = found;
    return found.size();
  }

  @Override
  public String advice() {
    return historyOn ? null : HISTORY_OFF;
  }

  @Override
  public void sample(
      Connection connection, Database database, ServerStatistics into, long intervalNanos)
      throws SQLException {
    sampleIntervalNanos = intervalNanos;
    Set<Long> seen = new HashSet<>();
    Map<String, long[]> endedByDigest = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(IN_FLIGHT)) {
      ps.setString(1, database.namespace());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long thread = rs.getLong(1);
          long event = rs.getLong(2);
          seen.add(thread);
          if (rs.getBoolean(3)) {
            inFlight.running(thread, event, category(rs.getBoolean(6), rs.getString(5)));
          } else if (rs.getString(4) != null) {
            long[] counts = inFlight.ended(thread, event);
            if (counts != null) {
              addTo(endedByDigest, rs.getString(4), counts);
            }
          }
        }
      }
    }
    inFlight.keepOnly(seen);
    List<InFlightSamples.Held> movedOn = inFlight.takeMovedOn();
    if (historyOn && !movedOn.isEmpty()) {
      fromHistory(connection, movedOn, endedByDigest);
    }
    if (!endedByDigest.isEmpty()) {
      into.refreshShapes(); // a statement seen in flight may be of a shape recorded since the read
    }
    SqlDialect dialect = SqlDialect.of(database.systemName());
    for (Map.Entry<String, long[]> e : endedByDigest.entrySet()) {
      QueryShape shape = matched.get(e.getKey());
      if (shape == null) {
        shape = lookUp(connection, database, dialect, e.getKey(), into);
      }
      if (shape != null) {
        addWaitSamples(into, shape, e.getValue(), intervalNanos);
      } else {
        inFlight.unattributed(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Adds the samples of statements whose sessions ran another one before the sample saw them end,
   * by the digest {@code events_statements_history} (the last statements of each thread) has for
   * them. Called only while its consumer is on; otherwise those samples are lost.
   */
  private static void fromHistory(
      Connection connection, List<InFlightSamples.Held> movedOn, Map<String, long[]> into)
      throws SQLException {
    String threads = String.join(", ", Collections.nCopies(movedOn.size(), "?"));
    try (PreparedStatement ps = connection.prepareStatement(HISTORY + threads + ")")) {
      for (int i = 0; i < movedOn.size(); i++) {
        ps.setLong(i + 1, movedOn.get(i).thread());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long thread = rs.getLong(1);
          long event = rs.getLong(2);
          for (InFlightSamples.Held h : movedOn) {
            if (h.thread() == thread && h.event() == event) {
              addTo(into, rs.getString(3), h.counts());
            }
          }
        }
      }
    }
  }

  private static void addTo(Map<String, long[]> byDigest, String digest, long[] counts) {
    long[] sum = byDigest.computeIfAbsent(digest, d -> new long[counts.length]);
    for (int i = 0; i < counts.length; i++) {
      sum[i] += counts[i];
    }
  }

  private static void addWaitSamples(
      ServerStatistics into, QueryShape shape, long[] counts, long intervalNanos) {
    for (WaitCategory c : WaitCategory.values()) {
      if (counts[c.ordinal()] > 0) {
        into.addWaitSamples(shape, SOURCE, c, counts[c.ordinal()], intervalNanos);
      }
    }
  }

  /** A no-op: MariaDB and MySQL cannot explain a statement with {@code ?} and no values. */
  @Override
  public void explain(Connection connection, Database database, ServerStatistics into, int max) {}

  /**
   * What a statement in flight is doing: waiting for an InnoDB row lock, or, by the thread's state,
   * for a table or metadata lock or a {@code GET_LOCK}, or sleeping or waiting for something else;
   * running otherwise.
   */
  static WaitCategory category(boolean rowLockWait, String state) {
    if (rowLockWait) {
      return WaitCategory.LOCK;
    }
    if (state == null) {
      return WaitCategory.CPU;
    }
    String s = state.toLowerCase(Locale.ROOT);
    if (s.equals("user lock") || (s.startsWith("waiting for") && s.contains("lock"))) {
      return WaitCategory.LOCK;
    }
    if (s.startsWith("waiting for") || s.equals("user sleep")) {
      return WaitCategory.OTHER;
    }
    return WaitCategory.CPU;
  }

  /** The shape {@code digestText} is, or null; a truncated digest text ("...") matches none. */
  private static QueryShape match(
      ServerStatistics into, Database database, SqlDialect dialect, String digestText) {
    if (digestText == null || digestText.stripTrailing().endsWith("...")) {
      return null;
    }
    return into.match(database, dialect, digestText);
  }

  private static QueryShape lookUp(
      Connection connection,
      Database database,
      SqlDialect dialect,
      String digest,
      ServerStatistics into)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(DIGEST_TEXT)) {
      ps.setString(1, database.namespace());
      ps.setString(2, digest);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? match(into, database, dialect, rs.getString(1)) : null;
      }
    }
  }

  private static boolean historyOn(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(HISTORY_CONSUMER)) {
      return rs.next() && "YES".equalsIgnoreCase(rs.getString(1));
    }
  }

  private static long serverClock(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT UNIX_TIMESTAMP()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
