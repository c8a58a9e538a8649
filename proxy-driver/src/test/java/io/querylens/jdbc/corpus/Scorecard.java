package io.querylens.jdbc.corpus;

import io.querylens.core.Finding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores scenario results against their labels. A reported finding matches an expected one when
 * kind, shape text and call-site line (file and line number) agree; each finding matches at most
 * once. A reported finding left unmatched is a false positive, an expected one left unmatched a
 * false negative. Matched findings are further checked against the label's details (parent shape
 * and rows, count), and against what one run in one unit implies (one occurrence, total count = max
 * count, some wasted time for a repetition; no wasted time but an explanation for an
 * unbounded-result).
 */
final class Scorecard {
  private static final Pattern fileAndLine = Pattern.compile("\\(([^()]+:\\d+)\\)\\s*$");

  private final List<ScenarioResult> results;
  private final List<Row> mismatches = new ArrayList<>();
  private final List<Row> detailMismatches = new ArrayList<>();
  private final List<Row> errors = new ArrayList<>();
  private int truePositives;
  private int falsePositives;
  private int falseNegatives;

  /** One line of a table. */
  record Row(
      String database,
      String scenario,
      String verdict,
      String kind,
      String callSite,
      String shape,
      String note) {}

  Scorecard(List<ScenarioResult> results) {
    this.results = List.copyOf(results);
    for (ScenarioResult result : results) {
      score(result);
    }
  }

  private void score(ScenarioResult result) {
    String scenario = result.scenario().name();
    if (result.error() != null) {
      errors.add(
          new Row(result.database(), scenario, "ERROR", "", "", "", stackTrace(result.error())));
    }
    List<Finding> unmatched = new ArrayList<>(result.reported());
    for (ExpectedFinding expected : result.scenario().expected()) {
      Finding match = null;
      for (Finding f : unmatched) {
        if (matches(expected, f)) {
          match = f;
          break;
        }
      }
      if (match == null) {
        falseNegatives++;
        mismatches.add(
            new Row(
                result.database(),
                scenario,
                "FALSE NEGATIVE",
                expected.kind().label(),
                expected.site().frame(),
                expected.shape(),
                "shape executed "
                    + result.executions().getOrDefault(expected.shape(), 0L)
                    + "x"
                    + nearMisses(expected, unmatched)));
      } else {
        truePositives++;
        unmatched.remove(match);
        checkDetails(result, expected, match);
      }
    }
    for (Finding f : unmatched) {
      falsePositives++;
      mismatches.add(
          new Row(
              result.database(),
              scenario,
              "FALSE POSITIVE",
              f.kind().label(),
              f.callSite(),
              f.shape().text(),
              "count " + f.maxCount() + ", units " + f.unitNames()));
    }
  }

  static boolean matches(ExpectedFinding expected, Finding f) {
    return expected.kind().equals(f.kind())
        && expected.shape().equals(f.shape().text())
        && expected.site().fileAndLine().equals(fileAndLine(f.callSite()));
  }

  /** {@code File.java:42} from {@code pkg.Class.method(File.java:42)}, or the whole call site. */
  static String fileAndLine(String callSite) {
    if (callSite == null) {
      return "(null)";
    }
    Matcher m = fileAndLine.matcher(callSite);
    return m.find() ? m.group(1) : callSite;
  }

  private static String nearMisses(ExpectedFinding expected, List<Finding> reported) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : reported) {
      if (f.shape().text().equals(expected.shape()) || expected.kind().equals(f.kind())) {
        sb.append("; reported instead ")
            .append(f.kind().label())
            .append(" at ")
            .append(f.callSite())
            .append(" of ")
            .append(f.shape().text());
      }
    }
    return sb.toString();
  }

  private void checkDetails(ScenarioResult result, ExpectedFinding expected, Finding f) {
    List<String> problems = new ArrayList<>();
    if (expected.parentShape() != null) {
      String parent = f.parentShape() == null ? ExpectedFinding.NO_PARENT : f.parentShape().text();
      if (!expected.parentShape().equals(parent)) {
        problems.add("parent shape " + parent + ", expected " + expected.parentShape());
      }
      if (expected.parentRows() >= 0 && f.parentRows() != expected.parentRows()) {
        problems.add("parent rows " + f.parentRows() + ", expected " + expected.parentRows());
      }
    }
    if (expected.maxCount() >= 0 && f.maxCount() != expected.maxCount()) {
      problems.add("max count " + f.maxCount() + ", expected " + expected.maxCount());
    }
    if (f.totalCount() != f.maxCount()) {
      problems.add("total count " + f.totalCount() + " != max count " + f.maxCount());
    }
    if (f.occurrences() != 1) {
      problems.add("occurrences " + f.occurrences() + ", expected 1 (one unit)");
    }
    if (expected.wastesRoundTrips() && f.wastedNanos() <= 0) {
      problems.add("wasted " + f.wastedNanos() + " ns, expected > 0");
    }
    if (!expected.wastesRoundTrips()
        && (f.wastedNanos() != 0 || f.explanation() == null || f.explanation().isBlank())) {
      problems.add(
          "wasted "
              + f.wastedNanos()
              + " ns and explanation "
              + f.explanation()
              + ", expected 0 and one");
    }
    if (f.hint() == null || f.hint().isBlank()) {
      problems.add("no hint");
    }
    if (!problems.isEmpty()) {
      detailMismatches.add(
          new Row(
              result.database(),
              result.scenario().name(),
              "WRONG DETAIL",
              f.kind().label(),
              f.callSite(),
              f.shape().text(),
              String.join("; ", problems)));
    }
  }

  int truePositives() {
    return truePositives;
  }

  int falsePositives() {
    return falsePositives;
  }

  int falseNegatives() {
    return falseNegatives;
  }

  /** Reported findings that were expected; 1.0 when nothing was reported. */
  double precision() {
    int reported = truePositives + falsePositives;
    return reported == 0 ? 1.0 : (double) truePositives / reported;
  }

  /** Expected findings that were reported; 1.0 when nothing was expected. */
  double recall() {
    int expected = truePositives + falseNegatives;
    return expected == 0 ? 1.0 : (double) truePositives / expected;
  }

  List<Row> mismatches() {
    return List.copyOf(mismatches);
  }

  List<Row> detailMismatches() {
    return List.copyOf(detailMismatches);
  }

  List<Row> errors() {
    return List.copyOf(errors);
  }

  /** {@code precision 1.00 (12/12), recall 1.00 (12/12)}. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "precision %.2f (%d/%d), recall %.2f (%d/%d)",
        precision(),
        truePositives,
        truePositives + falsePositives,
        recall(),
        truePositives,
        truePositives + falseNegatives);
  }

  /** One line per scenario: expected and reported findings, time taken. */
  String scenarioTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-10s %-40s %8s %8s %8s%n",
            "database",
            "scenario",
            "expected",
            "reported",
            "ms"));
    for (ScenarioResult r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-10s %-40s %8d %8d %8d%s%n",
              r.database(),
              r.scenario().name(),
              r.scenario().expected().size(),
              r.reported().size(),
              r.elapsedNanos() / 1_000_000,
              r.error() == null ? "" : "  ERROR " + r.error()));
      if (Boolean.getBoolean("querylens-corpus.verbose")) {
        r.executions()
            .forEach(
                (shape, n) -> sb.append("    ").append(n).append("x ").append(shape).append('\n'));
      }
    }
    return sb.toString();
  }

  /** The rows as an aligned table, each row's shape and note on lines of their own. */
  static String table(List<Row> rows) {
    if (rows.isEmpty()) {
      return "(none)\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-10s %-40s %-15s %-13s %s%n",
            "database",
            "scenario",
            "verdict",
            "kind",
            "call site"));
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-10s %-40s %-15s %-13s %s%n",
              r.database(),
              r.scenario(),
              r.verdict(),
              r.kind(),
              Objects.toString(r.callSite(), "")));
      if (!r.shape().isEmpty()) {
        sb.append("    shape: ").append(r.shape()).append('\n');
      }
      sb.append("    ").append(r.note().replace("\n", "\n    ")).append('\n');
    }
    return sb.toString();
  }

  /** Everything: the summary, the scenarios, and every mismatch, wrong detail and error. */
  String report(String title) {
    return "== QueryLens corpus: "
        + title
        + " ==\n"
        + summary()
        + "\n\n"
        + scenarioTable()
        + "\nmismatches (kind + shape + call-site line):\n"
        + table(mismatches)
        + "\nwrong details of matched findings:\n"
        + table(detailMismatches)
        + "\nscenario errors:\n"
        + table(errors);
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
