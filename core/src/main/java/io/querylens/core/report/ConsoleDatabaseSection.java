package io.querylens.core.report;

import io.querylens.core.DatabaseFinding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ServerStatsStatus;
import java.util.List;

/**
 * The console report's database side: per database whether its own statistics are read (source,
 * state, the reader's sentence, shapes matched), then the database findings {@code D1}, {@code
 * D2}... with their shape, the client's and the server's time per execution, the cause and the
 * hint. Nothing when no database is read, so that reports without a reader are unchanged.
 */
final class ConsoleDatabaseSection {
  private static final String STATUS_INDENT = "  ";
  private static final String DETAIL_INDENT = "    ";

  private ConsoleDatabaseSection() {}

  /** Appends the section, up to {@code shown} findings, with shapes printed as {@code texts}. */
  static void append(StringBuilder out, QueryLensSnapshot s, int shown, ShapeTexts texts) {
    if (s.serverStats().isEmpty()) {
      return;
    }
    out.append('\n')
        .append("Database side (the servers' own statistics, the whole run with start-up)\n");
    for (ServerStatsStatus status : s.serverStats()) {
      for (String line :
          ConsoleReport.breakLines(
              ServerTexts.status(status), ConsoleReport.WIDTH - STATUS_INDENT.length())) {
        out.append(STATUS_INDENT).append(line).append('\n');
      }
      if (status.detail() != null && !status.detail().isBlank()) {
        for (String line :
            ConsoleReport.wrap(status.detail(), ConsoleReport.WIDTH - DETAIL_INDENT.length())) {
          out.append(DETAIL_INDENT).append(line).append('\n');
        }
      }
    }
    List<DatabaseFinding> findings = s.databaseFindings();
    if (findings.isEmpty()) {
      out.append("No database findings.\n");
      return;
    }
    out.append("Database findings: ")
        .append(findings.size())
        .append(shown < findings.size() ? ", the first " + shown : "")
        .append(" (most server time first)\n");
    for (int i = 0; i < shown; i++) {
      appendFinding(out, "D" + (i + 1), findings.get(i), s.serverStats().size() > 1, texts);
    }
    if (shown < findings.size()) {
      out.append('\n')
          .append("  Not shown: ")
          .append(ConsoleReport.plural(findings.size() - shown, "more database finding"))
          .append('\n');
    }
  }

  private static void appendFinding(
      StringBuilder out, String rank, DatabaseFinding f, boolean databases, ShapeTexts texts) {
    String title =
        f.kind().label()
            + ": client "
            + Durations.format(f.clientMeanNanos())
            + ", server "
            + Durations.format(f.serverMeanNanos())
            + " per execution; "
            + ConsoleReport.plural(f.calls(), "server call");
    ConsoleReport.appendBlockTitle(out, rank, title);
    ConsoleReport.appendShapeLines(out, "query", f.shape(), texts);
    if (databases) {
      ConsoleReport.appendLines(
          out,
          "database",
          ConsoleReport.breakLines(
              ServerTexts.database(f.database()), ConsoleReport.FINDING_TEXT_WIDTH));
    }
    ConsoleReport.appendLines(
        out, "cause", ConsoleReport.wrap(f.cause(), ConsoleReport.FINDING_TEXT_WIDTH));
    ConsoleReport.appendLines(
        out, "hint", ConsoleReport.wrap(f.hint(), ConsoleReport.FINDING_TEXT_WIDTH));
  }
}
