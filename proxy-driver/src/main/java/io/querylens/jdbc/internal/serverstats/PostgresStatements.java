package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.intercept.ServerStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's own statement statistics: {@code pg_stat_statements} for the calls, times, rows and
 * blocks of each statement, {@code pg_stat_activity} for what statements in flight wait for, and
 * generic plans ({@link GenericPlans}) of the slowest SELECT shapes (decision 0041). Only the
 * current database's top-level statements are read; the server's normalised texts are matched to
 * the recorded shapes and dropped, and {@code pg_stat_activity.query}, which holds values, is never
 * read. Keeps the last cumulative figures of each statement ({@code userid}, {@code queryid}), at
 * most {@value #MAX_ENTRIES} of them. Internal: public only for the statistics reader.
 */
public final class PostgresStatements implements StatsSource {
  /** The source name reports show. */
  static final String SOURCE = "pg_stat_statements";

  /** The most statements whose figures are kept (PostgreSQL keeps 5000 by default). */
  static final int MAX_ENTRIES = 10_000;

  /** The statement timeout of each step of explaining a shape. */
  static final long EXPLAIN_TIMEOUT_MILLIS = 2_000;

  private static final String DATABASE_OID =
      "(select oid from pg_database where datname = coalesce(?, current_database()))";

  private static final String EXTENSION_FROM =
      " from pg_extension e join pg_namespace n on n.oid = e.extnamespace"
          + " where e.extname = 'pg_stat_statements'";

  private final Map<EntryKey, Entry> entries = new HashMap<>();
  private final Map<Long, QueryShape> shapesByQueryId = new HashMap<>();
  private final Set<Long> unmatchedInFlight = new HashSet<>();
  private final Set<Long> unexplainable = new HashSet<>();
  private Setup setup;

  /** The dialect of the last read, for matching statements in flight between reads. */
  private SqlDialect dialect = SqlDialect.POSTGRESQL;

  private boolean baselineTaken;
  private int skippedPlans;

  public PostgresStatements() {}

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public String unavailableReason(Connection connection) throws SQLException {
    int version = intOf(connection, "select current_setting('server_version_num')::int");
    if (version < 140000) {
      return "PostgreSQL "
          + stringOf(connection, "select current_setting('server_version')")
          + " is older than 14, whose pg_stat_activity has no query_id: upgrade the server to"
          + " read its statement statistics";
    }
    String schema = stringOf(connection, "select n.nspname" + EXTENSION_FROM);
    if (schema == null) {
      return "the pg_stat_statements extension is not created in database \""
          + stringOf(connection, "select current_database()")
          + "\": run CREATE EXTENSION pg_stat_statements there (the library must also be in"
          + " shared_preload_libraries)";
    }
    String function = quote(schema) + ".pg_stat_statements";
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select 1 from " + function + "(false) limit 1")) {
      rs.next();
    } catch (SQLException e) {
      if ("55000".equals(e.getSQLState())) {
        return "the pg_stat_statements library is not loaded: add pg_stat_statements to"
            + " shared_preload_libraries in postgresql.conf and restart the server";
      }
      throw e;
    }
    if (stringOf(
            connection,
            "select a.attname from pg_attribute a where a.attname = 'toplevel' and a.attrelid = '"
                + function.replace("'", "''")
                + "'::regclass")
        == null) {
      return "the pg_stat_statements extension is older than 1.9: run ALTER EXTENSION"
          + " pg_stat_statements UPDATE";
    }
    if ("off".equals(stringOf(connection, "select current_setting('compute_query_id')"))) {
      return "compute_query_id is off, so statements have no query id: set it to auto or on";
    }
    // without pg_read_all_stats a user sees its own statements' texts and sessions: the
    // application's, when the statistics connection logs in as the application does
    return null;
  }

  @Override
  public int read(
      Connection connection, Database database, SqlDialect dialect, ServerStatistics into)
      throws SQLException {
    Setup s = setup(connection);
    this.dialect = dialect;
    into.refreshShapes();
    unmatchedInFlight.clear();
    Map<Entry, Figures> current = new LinkedHashMap<>();
    List<Entry> toMatch = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select userid, queryid, calls, total_exec_time, total_plan_time, rows,"
                + " shared_blks_hit, shared_blks_read from "
                + s.function()
                + "(false) where toplevel and queryid is not null and dbid = "
                + DATABASE_OID)) {
      ps.setString(1, database.namespace());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          EntryKey key = new EntryKey(rs.getLong(1), rs.getLong(2));
          Figures now =
              new Figures(
                  rs.getLong(3),
                  rs.getDouble(4),
                  rs.getDouble(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8));
          Entry e = entries.get(key);
          if (e == null) {
            if (entries.size() >= MAX_ENTRIES) {
              continue;
            }
            // after the baseline, a statement new to the server counts from zero
            e = new Entry(key, baselineTaken ? Figures.ZERO : now);
            entries.put(key, e);
          } else if (now.calls() < e.seen.calls()) {
            e.base = Figures.ZERO; // reset or evicted and back: all of it is since then
          }
          e.seen = now;
          current.put(e, now);
          if (e.shape == null && now.calls() != e.triedCalls) {
            e.triedCalls = now.calls();
            toMatch.add(e);
          }
        }
      }
    }
    entries.values().removeIf(e -> !current.containsKey(e));
    if (shapesByQueryId.size() > MAX_ENTRIES) {
      shapesByQueryId.clear();
    }
    match(connection, s, database, dialect, into, toMatch);
    int matched = 0;
    for (Map.Entry<Entry, Figures> c : current.entrySet()) {
      Entry e = c.getKey();
      if (e.shape == null) {
        continue;
      }
      matched++;
      Figures delta = c.getValue().minus(e.base);
      e.base = c.getValue();
      if (delta.calls() > 0) {
        into.add(e.shape, delta.toServerSide(s.trackPlanning()));
      } else if (!e.added) {
        // known to the server but not run since its baseline: matched, with 0 calls
        into.add(e.shape, Figures.ZERO.toServerSide(s.trackPlanning()));
      }
      e.added = true;
    }
    baselineTaken = true;
    return matched;
  }

  /** Matches the texts of {@code toMatch} to recorded shapes. */
  private void match(
      Connection connection,
      Setup s,
      Database database,
      SqlDialect dialect,
      ServerStatistics into,
      List<Entry> toMatch)
      throws SQLException {
    if (toMatch.isEmpty()) {
      return;
    }
    Set<Long> ids = new HashSet<>();
    for (Entry e : toMatch) {
      ids.add(e.key.queryId());
    }
    forEachText(
        connection,
        s,
        database,
        ids,
        (userId, queryId, text) -> {
          Entry e = entries.get(new EntryKey(userId, queryId));
          if (e != null && e.shape == null) {
            e.shape = into.match(database, dialect, text);
            if (e.shape != null) {
              shapesByQueryId.put(queryId, e.shape);
            }
          }
        });
  }

  @Override
  public void sample(
      Connection connection, Database database, ServerStatistics into, long intervalNanos)
      throws SQLException {
    Setup s = setup(connection);
    List<long[]> inFlight = new ArrayList<>(); // {queryid, category ordinal}
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select query_id, wait_event_type from pg_stat_activity where datid = "
                + DATABASE_OID
                + " and state = 'active' and pid <> pg_backend_pid() and query_id is not null")) {
      ps.setString(1, database.namespace());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inFlight.add(new long[] {rs.getLong(1), category(rs.getString(2)).ordinal()});
        }
      }
    }
    Set<Long> unknown = new HashSet<>();
    for (long[] f : inFlight) {
      if (!shapesByQueryId.containsKey(f[0]) && !unmatchedInFlight.contains(f[0])) {
        unknown.add(f[0]);
      }
    }
    if (!unknown.isEmpty()) {
      lookUp(connection, s, database, into, unknown);
    }
    Map<QueryShape, long[]> counts = new LinkedHashMap<>();
    for (long[] f : inFlight) {
      QueryShape shape = shapesByQueryId.get(f[0]);
      if (shape != null) {
        counts.computeIfAbsent(shape, k -> new long[WaitCategory.values().length])[(int) f[1]]++;
      }
    }
    for (Map.Entry<QueryShape, long[]> c : counts.entrySet()) {
      for (WaitCategory category : WaitCategory.values()) {
        long n = c.getValue()[category.ordinal()];
        if (n > 0) {
          into.addWaitSamples(c.getKey(), SOURCE, category, n, intervalNanos);
        }
      }
    }
  }

  /** Matches statements in flight that no read has matched yet, by their texts. */
  private void lookUp(
      Connection connection, Setup s, Database database, ServerStatistics into, Set<Long> queryIds)
      throws SQLException {
    into.refreshShapes();
    forEachText(
        connection,
        s,
        database,
        queryIds,
        (userId, queryId, text) -> {
          if (!shapesByQueryId.containsKey(queryId)) {
            QueryShape shape = into.match(database, dialect, text);
            if (shape != null) {
              shapesByQueryId.put(queryId, shape);
            }
          }
        });
    for (Long id : queryIds) {
      if (!shapesByQueryId.containsKey(id) && unmatchedInFlight.size() < MAX_ENTRIES) {
        unmatchedInFlight.add(id); // until the next read, when new shapes may match it
      }
    }
  }

  /** What a {@code pg_stat_activity.wait_event_type} says an active statement is doing. */
  static WaitCategory category(String waitEventType) {
    if (waitEventType == null) {
      return WaitCategory.CPU;
    }
    return switch (waitEventType) {
      case "Lock" -> WaitCategory.LOCK;
      case "IO" -> WaitCategory.IO;
      default -> WaitCategory.OTHER; // LWLock, Timeout (pg_sleep), BufferPin, IPC, Client...
    };
  }

  @Override
  public void explain(Connection connection, Database database, ServerStatistics into, int max)
      throws SQLException {
    if (max <= 0) {
      return;
    }
    Setup s = setup(connection);
    Map<QueryShape, Entry> slowest = new HashMap<>();
    for (Entry e : entries.values()) {
      if (e.shape != null
          && e.shape.operation().equals("SELECT")
          && !unexplainable.contains(e.shape.fingerprint())
          && !into.hasPlan(e.shape)) {
        slowest.merge(e.shape, e, (a, b) -> a.seen.meanMillis() >= b.seen.meanMillis() ? a : b);
      }
    }
    List<Entry> chosen = new ArrayList<>(slowest.values());
    chosen.sort(Comparator.comparingDouble((Entry e) -> e.seen.meanMillis()).reversed());
    GenericPlans plans = new GenericPlans(s.serverVersionNum(), EXPLAIN_TIMEOUT_MILLIS);
    for (Entry e : chosen.subList(0, Math.min(max, chosen.size()))) {
      String text = textOf(connection, s, database, e.key);
      if (text == null) {
        continue;
      }
      try {
        into.setPlan(e.shape, SOURCE, PlanSummary.of(plans.explainJson(connection, text)));
      } catch (SQLException ex) {
        if (ex.getSQLState() != null && ex.getSQLState().startsWith("08")) {
          throw ex; // the connection is gone, not the shape
        }
        skipped(e.shape);
      } catch (RuntimeException ex) {
        skipped(e.shape);
      }
    }
  }

  /** The shapes whose plan could not be had (e.g. a parameter's type cannot be inferred). */
  int skippedPlans() {
    return skippedPlans;
  }

  private void skipped(QueryShape shape) {
    skippedPlans++;
    if (unexplainable.size() < MAX_ENTRIES) {
      unexplainable.add(shape.fingerprint());
    }
  }

  private String textOf(Connection connection, Setup s, Database database, EntryKey key)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select query from "
                + s.function()
                + "(true) where toplevel and userid = ? and queryid = ? and dbid = "
                + DATABASE_OID)) {
      ps.setLong(1, key.userId());
      ps.setLong(2, key.queryId());
      ps.setString(3, database.namespace());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Gives each top-level statement among {@code queryIds} with its text to {@code texts}. */
  private static void forEachText(
      Connection connection, Setup s, Database database, Collection<Long> queryIds, Texts texts)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select userid, queryid, query from "
                + s.function()
                + "(true) where toplevel and queryid = any(?) and dbid = "
                + DATABASE_OID)) {
      ps.setArray(1, connection.createArrayOf("bigint", queryIds.toArray()));
      ps.setString(2, database.namespace());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String text = rs.getString(3);
          if (text != null) {
            texts.accept(rs.getLong(1), rs.getLong(2), text);
          }
        }
      }
    }
  }

  private Setup setup(Connection connection) throws SQLException {
    if (setup == null) {
      String schema = stringOf(connection, "select n.nspname" + EXTENSION_FROM);
      if (schema == null) {
        throw new SQLException("the pg_stat_statements extension is not created");
      }
      setup =
          new Setup(
              quote(schema) + ".pg_stat_statements",
              intOf(connection, "select current_setting('server_version_num')::int"),
              "on"
                  .equals(
                      stringOf(
                          connection,
                          "select current_setting('pg_stat_statements.track_planning', true)")));
    }
    return setup;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String stringOf(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static int intOf(Connection connection, String sql) throws SQLException {
    String v = stringOf(connection, sql);
    return v == null ? 0 : Integer.parseInt(v);
  }

  /** Where the view is and what the server keeps, read once. */
  private record Setup(String function, int serverVersionNum, boolean trackPlanning) {}

  /** One statement as {@code pg_stat_statements} keys it. */
  private record EntryKey(long userId, long queryId) {}

  private interface Texts {
    void accept(long userId, long queryId, String text);
  }

  /** What is kept of one statement: its shape once matched, and figures, never its text. */
  private static final class Entry {
    final EntryKey key;

    /** The figures already added (matched) or the baseline (not matched yet). */
    Figures base;

    /** The figures of the last read. */
    Figures seen;

    /** The calls when its text was last matched, so that it is tried again only when run again. */
    long triedCalls = -1;

    QueryShape shape;

    /** Whether its shape was given the server's side, if only without calls. */
    boolean added;

    Entry(EntryKey key, Figures base) {
      this.key = key;
      this.base = base;
      this.seen = base;
    }
  }

  /** The cumulative figures of one statement; times in milliseconds as the server keeps them. */
  private record Figures(
      long calls,
      double execMillis,
      double planMillis,
      long rows,
      long blocksHit,
      long blocksRead) {
    static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0);

    Figures minus(Figures o) {
      return new Figures(
          calls - o.calls,
          execMillis - o.execMillis,
          planMillis - o.planMillis,
          rows - o.rows,
          blocksHit - o.blocksHit,
          blocksRead - o.blocksRead);
    }

    double meanMillis() {
      return calls == 0 ? 0 : (execMillis + planMillis) / calls;
    }

    ServerSide toServerSide(boolean trackPlanning) {
      return new ServerSide(
          SOURCE,
          calls,
          Math.round(execMillis * 1e6),
          trackPlanning ? Math.round(planMillis * 1e6) : -1,
          rows,
          -1,
          blocksHit,
          blocksRead,
          -1,
          -1,
          null,
          null);
    }
  }
}
