package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.Database;
import io.querylens.core.DatabaseFinding;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.WaitProfile;
import io.querylens.core.internal.JsonString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a {@link QueryLensSnapshot} as JSON, schema version 2, for tools and for diffing runs.
 *
 * <pre>{@code
 * {"version": 2, "takenAt": "2026-01-02T03:04:05.678Z",
 *  "shapes": [{"shape": "...", "id": "<16 hex digits>", "operation": "SELECT", "ddl": false,
 *              "count": N, "errors": N, "totalNanos": N,
 *              "execute": D, "fetch": D, "process": D, "rows": D, "server": S or null}, ...],
 *  "connections": {"acquire": D, "connect": D, "hold": D, "acquireErrors": N},
 *  "droppedShapes": N, "internalFaults": N,
 *  "time": T,
 *  "findings": [{"kind": "n-plus-one", "shape": "...", "shapeId": "<16 hex digits>",
 *                "parentShape": "..." or null, "parentShapeId": "<16 hex digits>" or null,
 *                "parentRows": N or null, "callSite": "...", "occurrences": N, "maxCount": N,
 *                "totalCount": N, "wastedNanos": N, "hint": "...",
 *                ["explanation": "...",] "exampleUnit": "..." or null,
 *                "unitNames": ["...", ...], "unitNameCount": N, "heldBack": false,
 *                "firstSeen": "<ISO-8601 UTC>", "lastSeen": "<ISO-8601 UTC>",
 *                "phase": "runtime" or "startup"}, ...],
 *  "droppedFindings": N,
 *  "units": [{"name": "...", "units": N, "executions": N, "total": T, "slowest": T,
 *             "findings": N}, ...],
 *  "startupTime": T,
 *  "startupUnits": [ same as units ],
 *  "databaseFindings": [{"kind": "slow-in-database", "shape": "...", "shapeId": "<16 hex digits>",
 *                        "database": B, "cause": "...", "clientMeanNanos": N,
 *                        "serverMeanNanos": N, "calls": N, "evidence": "...", "hint": "..."}, ...],
 *  "serverStats": [{"database": B, "source": "pg_stat_statements", "state": "reading",
 *                   "detail": "..." or null, "polls": N, "matchedShapes": N,
 *                   "unmatchedShapes": N}, ...]}
 * }</pre>
 *
 * where each {@code D} is {@code {"count", "sum", "mean", "min", "p50", "p95", "p99", "max"}} and
 * each {@code T} is {@code {"dbExecuteNanos", "dbFetchNanos", "appProcessNanos", "poolWaitNanos",
 * "connectNanos", "wastedRoundTripNanos"}} (the wasted part is included in the database figures,
 * not added to them). In {@code connections}, {@code acquire} is the pool wait of each checkout
 * from a pool, {@code connect} each physical connect and {@code hold} each checkout. Times are
 * integer nanoseconds; {@code mean} is {@code sum / count} rounded half up to one decimal (0 when
 * empty). {@code kind} is a finding kind's label: {@code n-plus-one}, {@code duplicate}, {@code
 * chatty-writes}, {@code unbounded-result}, or the kind of a detector an extension added; {@code
 * parentShape} and {@code parentRows} are null when unknown; {@code explanation} (what the detector
 * saw) appears only on findings whose detector gives one, never on the repetition kinds. A shape's
 * {@code id} (a finding's {@code shapeId} and {@code parentShapeId}) is {@link QueryShape#id()},
 * the same as the console report prints and the OpenTelemetry exporter's {@code
 * querylens.shape.id}; {@code ddl} marks a shape that defines the schema ({@link
 * QueryShape#isDdl()}). {@code unitNames} are the distinct names of the units where a finding was
 * seen, the first ten at most, and {@code unitNameCount} how many distinct names there were; {@code
 * exampleUnit} is the first of them (null when none), kept for readers of the earlier output.
 * {@code heldBack} is true when the live WARN line for the finding was held back by its rate limit.
 * {@code phase} is {@code startup} for a finding seen in start-up (a schema or data script, the
 * framework starting); {@code time} and {@code units} leave start-up out, {@code startupTime} and
 * {@code startupUnits} hold it. Shapes, findings and units keep the snapshot's order (largest total
 * time; runtime findings before start-up ones, most wasted time first; slowest first), fields
 * always appear in the order above, and the output is pretty-printed UTF-8 text ending in a
 * newline. New fields may be added; the existing ones keep their names and meaning, so the version
 * stays until one changes: version 2 split version 1's {@code poolAcquireNanos} into {@code
 * poolWaitNanos} and {@code connectNanos}.
 *
 * <p>The database server's side (docs/database-side.md): a shape's {@code server} is null unless a
 * reader of the server's statistics matched it, else {@code S} = {@code {"source", "calls",
 * "executeNanos", "planNanos", "meanNanos", "rows", "rowsExamined", "blocksHit", "blocksRead",
 * "lockNanos", "noIndexCalls", "waits": {"sampleIntervalNanos", "cpu", "lock", "io", "other"},
 * "plan"}}, the figures the server counted since QueryLens started reading ({@link ServerSide}); a
 * figure the source does not keep is null, as is {@code plan} when none was read; {@code meanNanos}
 * is planning (when known) plus execution per call. {@code B} = {@code {"system", "namespace",
 * "address", "port"}}, null where unknown. {@code databaseFindings} ({@code kind} {@code
 * slow-in-database}, {@code network-bound} or {@code full-scan}) come most server time first;
 * {@code serverStats} has one entry per database whose statistics QueryLens tried to read, {@code
 * state} being {@code reading}, {@code unavailable}, {@code off} or {@code failing}. Both are empty
 * when no database is read. None of them holds the server's text or a credential.
 */
public final class JsonReport {
  /** The schema version written in {@code "version"}. */
  static final int VERSION = 2;

  /** The id written for a missing shape. */
  private static final String NO_ID = "0000000000000000";

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JsonReport() {}

  /** Renders {@code s} as a JSON document. */
  public static String render(QueryLensSnapshot s) {
    StringBuilder out =
        new StringBuilder(
            768 + 1024 * s.shapes().size() + 768 * s.findings().size() + 384 * s.units().size());
    out.append("{\n");
    out.append("  \"version\": ").append(VERSION).append(",\n");
    out.append("  \"takenAt\": ");
    JsonString.append(out, INSTANT.format(Instant.ofEpochMilli(s.takenAtMillis())));
    out.append(",\n");
    out.append("  \"shapes\": [");
    for (int i = 0; i < s.shapes().size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      appendShape(out, s.shapes().get(i));
    }
    out.append(s.shapes().isEmpty() ? "],\n" : "\n  ],\n");

    ConnectionSnapshot connections = s.connections();
    out.append("  \"connections\": {\n");
    out.append("    \"acquire\": ");
    appendDistribution(out, connections == null ? null : connections.acquire());
    out.append(",\n    \"connect\": ");
    appendDistribution(out, connections == null ? null : connections.connect());
    out.append(",\n    \"hold\": ");
    appendDistribution(out, connections == null ? null : connections.hold());
    out.append(",\n    \"acquireErrors\": ")
        .append(connections == null ? 0 : connections.acquireErrors());
    out.append("\n  },\n");
    out.append("  \"droppedShapes\": ").append(s.droppedShapes()).append(",\n");
    out.append("  \"internalFaults\": ").append(s.internalFaults()).append(",\n");
    out.append("  \"time\": ");
    appendTime(out, s.time());
    out.append(",\n  \"findings\": [");
    for (int i = 0; i < s.findings().size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      appendFinding(out, s.findings().get(i));
    }
    out.append(s.findings().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"droppedFindings\": ").append(s.droppedFindings()).append(",\n");
    out.append("  \"units\": [");
    for (int i = 0; i < s.units().size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      appendUnit(out, s.units().get(i));
    }
    out.append(s.units().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"startupTime\": ");
    appendTime(out, s.startupTime());
    out.append(",\n  \"startupUnits\": [");
    for (int i = 0; i < s.startupUnits().size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      appendUnit(out, s.startupUnits().get(i));
    }
    out.append(s.startupUnits().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"databaseFindings\": [");
    for (int i = 0; i < s.databaseFindings().size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      appendDatabaseFinding(out, s.databaseFindings().get(i));
    }
    out.append(s.databaseFindings().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"serverStats\": [");
    for (int i = 0; i < s.serverStats().size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      appendServerStats(out, s.serverStats().get(i));
    }
    out.append(s.serverStats().isEmpty() ? "]\n" : "\n  ]\n");
    out.append("}\n");
    return out.toString();
  }

  /**
   * Writes {@link #render(QueryLensSnapshot)} to {@code path} in UTF-8, creating missing parent
   * directories. The text goes to a temporary file in the same directory that is then moved over
   * {@code path} atomically where the file system allows it, so a reader never sees half a report;
   * the temporary file is removed when anything fails.
   *
   * @throws IOException when the directories or the file cannot be written
   */
  public static void write(QueryLensSnapshot s, Path path) throws IOException {
    ReportFiles.write(render(s), path);
  }

  private static void appendShape(StringBuilder out, ShapeSnapshot shape) {
    QueryShape queryShape = shape.shape();
    out.append("    {\n");
    out.append("      \"shape\": ");
    JsonString.append(out, queryShape == null ? "" : queryShape.text());
    out.append(",\n      \"id\": ");
    JsonString.append(out, queryShape == null ? NO_ID : queryShape.id());
    out.append(",\n      \"operation\": ");
    JsonString.append(out, queryShape == null ? "" : queryShape.operation());
    out.append(",\n      \"ddl\": ").append(queryShape != null && queryShape.isDdl());
    out.append(",\n      \"count\": ").append(shape.count());
    out.append(",\n      \"errors\": ").append(shape.errors());
    out.append(",\n      \"totalNanos\": ").append(shape.totalNanos());
    out.append(",\n      \"execute\": ");
    appendDistribution(out, shape.execute());
    out.append(",\n      \"fetch\": ");
    appendDistribution(out, shape.fetch());
    out.append(",\n      \"process\": ");
    appendDistribution(out, shape.process());
    out.append(",\n      \"rows\": ");
    appendDistribution(out, shape.rows());
    out.append(",\n      \"server\": ");
    appendServer(out, shape.server());
    out.append("\n    }");
  }

  private static void appendFinding(StringBuilder out, Finding f) {
    out.append("    {\n");
    out.append("      \"kind\": ");
    JsonString.append(out, f.kind() == null ? null : f.kind().label());
    out.append(",\n      \"shape\": ");
    JsonString.append(out, f.shape() == null ? "" : f.shape().text());
    out.append(",\n      \"shapeId\": ");
    JsonString.append(out, f.shape() == null ? NO_ID : f.shape().id());
    out.append(",\n      \"parentShape\": ");
    JsonString.append(out, f.parentShape() == null ? null : f.parentShape().text());
    out.append(",\n      \"parentShapeId\": ");
    JsonString.append(out, f.parentShape() == null ? null : f.parentShape().id());
    out.append(",\n      \"parentRows\": ");
    if (f.parentRows() < 0) {
      out.append("null");
    } else {
      out.append(f.parentRows());
    }
    out.append(",\n      \"callSite\": ");
    JsonString.append(out, f.callSite());
    out.append(",\n      \"occurrences\": ").append(f.occurrences());
    out.append(",\n      \"maxCount\": ").append(f.maxCount());
    out.append(",\n      \"totalCount\": ").append(f.totalCount());
    out.append(",\n      \"wastedNanos\": ").append(f.wastedNanos());
    out.append(",\n      \"hint\": ");
    JsonString.append(out, f.hint());
    if (f.explanation() != null) {
      out.append(",\n      \"explanation\": ");
      JsonString.append(out, f.explanation());
    }
    List<String> unitNames = f.unitNames();
    out.append(",\n      \"exampleUnit\": ");
    JsonString.append(out, unitNames.isEmpty() ? null : unitNames.get(0));
    out.append(",\n      \"unitNames\": [");
    for (int i = 0; i < unitNames.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      JsonString.append(out, unitNames.get(i));
    }
    out.append("],\n      \"unitNameCount\": ").append(f.unitNameCount());
    out.append(",\n      \"heldBack\": ").append(f.heldBack());
    out.append(",\n      \"firstSeen\": ");
    JsonString.append(out, INSTANT.format(Instant.ofEpochMilli(f.firstSeenMillis())));
    out.append(",\n      \"lastSeen\": ");
    JsonString.append(out, INSTANT.format(Instant.ofEpochMilli(f.lastSeenMillis())));
    out.append(",\n      \"phase\": ");
    JsonString.append(out, f.phase().label());
    out.append("\n    }");
  }

  private static void appendServer(StringBuilder out, ServerSide server) {
    if (server == null) {
      out.append("null");
      return;
    }
    out.append("{\"source\": ");
    JsonString.append(out, server.source());
    out.append(", \"calls\": ").append(server.calls());
    out.append(", \"executeNanos\": ").append(server.executeNanos());
    appendKnown(out.append(", \"planNanos\": "), server.planNanos());
    out.append(", \"meanNanos\": ").append(server.meanNanos());
    appendKnown(out.append(", \"rows\": "), server.rows());
    appendKnown(out.append(", \"rowsExamined\": "), server.rowsExamined());
    appendKnown(out.append(", \"blocksHit\": "), server.blocksHit());
    appendKnown(out.append(", \"blocksRead\": "), server.blocksRead());
    appendKnown(out.append(", \"lockNanos\": "), server.lockNanos());
    appendKnown(out.append(", \"noIndexCalls\": "), server.noIndexCalls());
    WaitProfile w = server.waits();
    out.append(", \"waits\": {\"sampleIntervalNanos\": ").append(w.sampleIntervalNanos());
    out.append(", \"cpu\": ").append(w.cpu());
    out.append(", \"lock\": ").append(w.lock());
    out.append(", \"io\": ").append(w.io());
    out.append(", \"other\": ").append(w.other());
    out.append("}, \"plan\": ");
    JsonString.append(out, server.plan());
    out.append('}');
  }

  /** {@code value}, or null when the source does not keep it ({@code -1}). */
  private static void appendKnown(StringBuilder out, long value) {
    if (value < 0) {
      out.append("null");
    } else {
      out.append(value);
    }
  }

  private static void appendDatabaseFinding(StringBuilder out, DatabaseFinding f) {
    out.append("    {\n");
    out.append("      \"kind\": ");
    JsonString.append(out, f.kind().label());
    out.append(",\n      \"shape\": ");
    JsonString.append(out, f.shape() == null ? "" : f.shape().text());
    out.append(",\n      \"shapeId\": ");
    JsonString.append(out, f.shape() == null ? NO_ID : f.shape().id());
    out.append(",\n      \"database\": ");
    appendDatabase(out, f.database());
    out.append(",\n      \"cause\": ");
    JsonString.append(out, f.cause());
    out.append(",\n      \"clientMeanNanos\": ").append(f.clientMeanNanos());
    out.append(",\n      \"serverMeanNanos\": ").append(f.serverMeanNanos());
    out.append(",\n      \"calls\": ").append(f.calls());
    out.append(",\n      \"evidence\": ");
    JsonString.append(out, f.evidence());
    out.append(",\n      \"hint\": ");
    JsonString.append(out, f.hint());
    out.append("\n    }");
  }

  private static void appendServerStats(StringBuilder out, ServerStatsStatus s) {
    out.append("    {\n");
    out.append("      \"database\": ");
    appendDatabase(out, s.database());
    out.append(",\n      \"source\": ");
    JsonString.append(out, s.source());
    out.append(",\n      \"state\": ");
    JsonString.append(out, ServerTexts.state(s.state()));
    out.append(",\n      \"detail\": ");
    JsonString.append(out, s.detail());
    out.append(",\n      \"polls\": ").append(s.polls());
    out.append(",\n      \"matchedShapes\": ").append(s.matchedShapes());
    out.append(",\n      \"unmatchedShapes\": ").append(s.unmatchedShapes());
    out.append("\n    }");
  }

  private static void appendDatabase(StringBuilder out, Database d) {
    if (d == null) {
      out.append("null");
      return;
    }
    out.append("{\"system\": ");
    JsonString.append(out, d.systemName());
    out.append(", \"namespace\": ");
    JsonString.append(out, d.namespace());
    out.append(", \"address\": ");
    JsonString.append(out, d.serverAddress());
    out.append(", \"port\": ");
    appendKnown(out, d.serverPort() > 0 ? d.serverPort() : -1);
    out.append('}');
  }

  private static void appendUnit(StringBuilder out, UnitSnapshot unit) {
    out.append("    {\n");
    out.append("      \"name\": ");
    JsonString.append(out, unit.name());
    out.append(",\n      \"units\": ").append(unit.units());
    out.append(",\n      \"executions\": ").append(unit.executions());
    out.append(",\n      \"total\": ");
    appendTime(out, unit.total());
    out.append(",\n      \"slowest\": ");
    appendTime(out, unit.slowest());
    out.append(",\n      \"findings\": ").append(unit.findings());
    out.append("\n    }");
  }

  private static void appendTime(StringBuilder out, TimeSplit t) {
    if (t == null) {
      t = TimeSplit.EMPTY;
    }
    out.append("{\"dbExecuteNanos\": ").append(t.dbExecuteNanos());
    out.append(", \"dbFetchNanos\": ").append(t.dbFetchNanos());
    out.append(", \"appProcessNanos\": ").append(t.appProcessNanos());
    out.append(", \"poolWaitNanos\": ").append(t.poolWaitNanos());
    out.append(", \"connectNanos\": ").append(t.connectNanos());
    out.append(", \"wastedRoundTripNanos\": ").append(t.wastedRoundTripNanos());
    out.append('}');
  }

  private static void appendDistribution(StringBuilder out, DistributionSnapshot d) {
    if (d == null) {
      d = DistributionSnapshot.EMPTY;
    }
    out.append("{\"count\": ").append(d.count());
    out.append(", \"sum\": ").append(d.sum());
    out.append(", \"mean\": ").append(mean(d));
    out.append(", \"min\": ").append(d.min());
    out.append(", \"p50\": ").append(d.p50());
    out.append(", \"p95\": ").append(d.p95());
    out.append(", \"p99\": ").append(d.p99());
    out.append(", \"max\": ").append(d.max());
    out.append('}');
  }

  /** {@code sum / count} rounded half up to one decimal, without a trailing {@code .0}. */
  static String mean(DistributionSnapshot d) {
    if (d.count() == 0) {
      return "0";
    }
    return BigDecimal.valueOf(d.sum())
        .divide(BigDecimal.valueOf(d.count()), 1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
