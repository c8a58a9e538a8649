package io.querylens.core.intercept;

import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.WaitCategory;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.internal.server.DatabaseDiagnosis;
import io.querylens.core.internal.server.ServerTextKey;
import io.querylens.core.internal.server.ServerTotals;
import io.querylens.core.internal.server.ShapeKeys;
import io.querylens.core.internal.stats.ShapeRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where readers of a database server's own statistics ({@code pg_stat_statements}, {@code
 * performance_schema}) put what they read, matched to the recorded shapes: the server's side of
 * each shape and each database's reader status, both in every snapshot. Readers run on their own
 * threads, never the application's; what they read is matched here by normalised text only, and the
 * server's text is not kept.
 */
public final class ServerStatistics {
  /** A reader that can be asked to read now, e.g. before the exit reports. */
  public interface Reader {
    /** Reads once more, returning by {@code deadlineNanos} ({@link System#nanoTime()}). */
    void readNow(long deadlineNanos);
  }

  private final ShapeKeys keys;
  private final ServerTotals totals = new ServerTotals();
  private final DatabaseDiagnosis diagnosis;
  private final List<Reader> readers = new CopyOnWriteArrayList<>();

  ServerStatistics(ShapeRegistry registry, QueryLensConfig config) {
    this.keys = new ShapeKeys(registry);
    this.diagnosis =
        new DatabaseDiagnosis(
            config.get(ConfigKey.DATABASE_SLOW_QUERY).toNanos(),
            config.get(ConfigKey.DATABASE_NETWORK_THRESHOLD).toNanos());
  }

  /** Indexes the shapes recorded since the last call; readers call it before each read. */
  public void refreshShapes() {
    keys.refresh();
  }

  /**
   * The recorded shape of {@code database} that the server's normalised {@code serverText} is, read
   * as {@code dialect}; null when none is.
   */
  public QueryShape match(Database database, SqlDialect dialect, String serverText) {
    return keys.find(database, ServerTextKey.ofServerText(serverText, dialect));
  }

  /** Adds what the server counted for {@code shape} since the previous read. */
  public void add(QueryShape shape, ServerSide delta) {
    totals.add(shape.fingerprint(), delta);
  }

  /** Counts {@code n} samples of {@code shape}'s statements in flight doing {@code category}. */
  public void addWaitSamples(
      QueryShape shape, String source, WaitCategory category, long n, long intervalNanos) {
    totals.addWaitSamples(shape.fingerprint(), source, category, n, intervalNanos);
  }

  /** Sets the one-line plan summary of {@code shape}. */
  public void setPlan(QueryShape shape, String source, String plan) {
    totals.setPlan(shape.fingerprint(), source, plan);
  }

  /** Whether {@code shape} has a plan summary already. */
  public boolean hasPlan(QueryShape shape) {
    ServerSide side = totals.sideOf(shape.fingerprint());
    return side != null && side.plan() != null;
  }

  /** Says how reading {@code database}'s statistics goes; a successful read is {@link #polled}. */
  public void setStatus(
      Database database, String source, ServerStatsStatus.State state, String detail) {
    putStatus(database, source, state, detail, 0);
  }

  /** A read of {@code database}'s statistics succeeded. */
  public void polled(Database database, String source, String detail) {
    putStatus(database, source, ServerStatsStatus.State.READING, detail, 1);
  }

  /** The status, its polls carried over from the previous one plus {@code morePolls}. */
  private void putStatus(
      Database database,
      String source,
      ServerStatsStatus.State state,
      String detail,
      int morePolls) {
    ServerStatsStatus old = totals.statusOf(database);
    long polls = (old == null ? 0 : old.polls()) + morePolls;
    totals.setStatus(new ServerStatsStatus(database, source, state, detail, polls, 0, 0));
  }

  /** Adds a reader that {@link #readNow} asks. */
  public void addReader(Reader reader) {
    readers.add(reader);
  }

  /** Asks every reader to read once more, all returning within {@code timeoutNanos}. */
  public void readNow(long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    for (Reader reader : readers) {
      try {
        reader.readNow(deadline);
      } catch (Throwable t) {
        Faults.report("database statistics read", t);
      }
    }
  }

  /** {@code shapes} with their server side. */
  List<ShapeSnapshot> withServerSides(List<ShapeSnapshot> shapes) {
    List<ShapeSnapshot> out = new ArrayList<>(shapes.size());
    for (ShapeSnapshot s : shapes) {
      ServerSide side = totals.sideOf(s.shape().fingerprint());
      out.add(side == null ? s : s.withServer(side));
    }
    return out;
  }

  /** The findings on {@code shapes} (with their server sides). */
  List<DatabaseFinding> findings(List<ShapeSnapshot> shapes) {
    return diagnosis.judge(shapes);
  }

  /** Every database's status, with its matched and unmatched shapes counted in {@code shapes}. */
  List<ServerStatsStatus> statuses(List<ShapeSnapshot> shapes) {
    Map<Database, int[]> counts = new HashMap<>();
    for (ShapeSnapshot s : shapes) {
      if (!s.shape().isDdl()) {
        counts.computeIfAbsent(s.database(), d -> new int[2])[s.server() != null ? 0 : 1]++;
      }
    }
    List<ServerStatsStatus> out = new ArrayList<>();
    for (ServerStatsStatus st : totals.statuses()) {
      int[] c = counts.getOrDefault(st.database(), new int[2]);
      out.add(
          new ServerStatsStatus(
              st.database(), st.source(), st.state(), st.detail(), st.polls(), c[0], c[1]));
    }
    return out;
  }

  /** Forgets the figures (the recording was reset). */
  void reset() {
    totals.clear();
    keys.clear();
  }
}
