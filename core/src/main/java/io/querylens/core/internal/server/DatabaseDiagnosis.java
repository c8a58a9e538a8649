package io.querylens.core.internal.server;

import io.querylens.core.DatabaseFinding;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.WaitCategory;
import io.querylens.core.WaitProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges each shape that has the server's side (docs/database-side.md): {@code slow-in-database}
 * when a slow shape's time is mostly the server's, with the cause its wait samples, lock time or
 * plan show; {@code network-bound} when the client waits well beyond the server per execution;
 * {@code full-scan} when the server reads far more than it returns. A pure function of the shapes.
 */
public final class DatabaseDiagnosis {
  /** The server's share of the client's time from which a slow shape is slow in the database. */
  static final double SERVER_SHARE = 0.5;

  /** Time outside the server per execution, as a multiple of the server's, for network-bound. */
  static final long OUTSIDE_FACTOR = 2;

  /** Executions below which a shape is not judged network-bound (one-offs vary too much). */
  static final long MIN_CALLS = 3;

  /** Rows examined per row returned from which MariaDB's figures show a full scan. */
  static final long EXAMINED_PER_ROW = 100;

  /** Rows examined per call below which a scan is too small to matter. */
  static final long MIN_EXAMINED_PER_CALL = 1000;

  /** Shared blocks per call from which a PostgreSQL sequential scan matters. */
  static final long MIN_BLOCKS_PER_CALL = 100;

  private final long slowQueryNanos;
  private final long networkThresholdNanos;

  /**
   * @param slowQueryNanos client time per execution from which a shape is judged slow
   * @param networkThresholdNanos time outside the server per execution from which a shape may be
   *     network-bound
   */
  public DatabaseDiagnosis(long slowQueryNanos, long networkThresholdNanos) {
    this.slowQueryNanos = slowQueryNanos;
    this.networkThresholdNanos = networkThresholdNanos;
  }

  /** The findings on {@code shapes}, the most server time first. */
  public List<DatabaseFinding> judge(List<ShapeSnapshot> shapes) {
    List<Judged> found = new ArrayList<>();
    for (ShapeSnapshot s : shapes) {
      ServerSide server = s.server();
      if (server == null || server.calls() == 0 || s.count() == 0 || s.shape().isDdl()) {
        continue;
      }
      long client = s.clientMeanNanos();
      long serverMean = server.meanNanos();
      if (client >= slowQueryNanos && serverMean >= client * SERVER_SHARE) {
        found.add(judged(s, DatabaseFindingKind.SLOW_IN_DATABASE, slowCause(server), client));
      }
      long outside = client - serverMean;
      if (outside >= networkThresholdNanos
          && outside >= OUTSIDE_FACTOR * serverMean
          && Math.min(s.count(), server.calls()) >= MIN_CALLS) {
        found.add(
            judged(
                s,
                DatabaseFindingKind.NETWORK_BOUND,
                "round trips: " + millis(outside) + " per execution outside the server",
                client));
      }
      String scan = scanCause(s.shape(), server);
      if (scan != null) {
        found.add(judged(s, DatabaseFindingKind.FULL_SCAN, scan, client));
      }
    }
    found.sort(Comparator.comparingLong(Judged::serverTotal).reversed());
    List<DatabaseFinding> findings = new ArrayList<>(found.size());
    for (Judged j : found) {
      findings.add(j.finding());
    }
    return findings;
  }

  /** What the server spent a slow shape's time on. */
  static String slowCause(ServerSide server) {
    WaitProfile waits = server.waits();
    WaitCategory dominant = waits.dominant();
    if (server.lockNanos() > 0 && server.lockNanos() >= server.executeNanos() * SERVER_SHARE) {
      return WaitCategory.LOCK.label();
    }
    if (dominant != null) {
      return dominant.label()
          + " ("
          + waits.samples(dominant)
          + " of "
          + waits.samples()
          + " samples in flight)";
    }
    if (server.plan() != null && server.plan().contains("Seq Scan")) {
      return "sequential scan";
    }
    return "server execution (no samples in flight)";
  }

  /** Why the shape scans far more than it returns, or null when it does not. */
  static String scanCause(QueryShape shape, ServerSide server) {
    String op = shape.operation();
    if (!op.equals("SELECT") && !op.equals("UPDATE") && !op.equals("DELETE")) {
      return null;
    }
    long calls = server.calls();
    if (server.rowsExamined() >= 0) {
      long examinedPerCall = server.rowsExamined() / calls;
      boolean manyPerRow =
          server.rowsExamined() >= EXAMINED_PER_ROW * Math.max(server.rows(), calls);
      boolean noIndex = server.noIndexCalls() > 0 && server.noIndexCalls() * 2 >= calls;
      if (examinedPerCall >= MIN_EXAMINED_PER_CALL && (manyPerRow || noIndex)) {
        return (noIndex ? "no index used, " : "")
            + examinedPerCall
            + " rows examined per call for "
            + perCall(server.rows(), calls)
            + " returned";
      }
      return null;
    }
    if (server.blocksHit() < 0 || server.plan() == null || !server.plan().contains("Seq Scan")) {
      return null;
    }
    long blocksPerCall = (server.blocksHit() + Math.max(server.blocksRead(), 0)) / calls;
    if (blocksPerCall < MIN_BLOCKS_PER_CALL) {
      return null;
    }
    return "sequential scan, "
        + blocksPerCall
        + " blocks per call for "
        + perCall(server.rows(), calls)
        + " rows returned";
  }

  private static Judged judged(
      ShapeSnapshot s, DatabaseFindingKind kind, String cause, long client) {
    ServerSide server = s.server();
    String evidence =
        "client "
            + millis(client)
            + " per execution ("
            + s.count()
            + " executions), server "
            + millis(server.meanNanos())
            + " per call ("
            + server.calls()
            + " calls)";
    DatabaseFinding finding =
        new DatabaseFinding(
            kind,
            s.shape(),
            s.database(),
            cause,
            client,
            server.meanNanos(),
            server.calls(),
            evidence);
    return new Judged(finding, server.totalNanos());
  }

  private static String perCall(long total, long calls) {
    double v = (double) total / calls;
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private record Judged(DatabaseFinding finding, long serverTotal) {}
}
