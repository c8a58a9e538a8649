package io.querylens.junit;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * The checks behind the annotations and {@link QueryLensAssertions}: each passes or throws an
 * {@link AssertionFailedError} whose message is a {@link FailureMessage}.
 */
final class Budgets {
  private Budgets() {}

  /** Fails when {@code test} showed a finding of {@code kind}; {@code rule} names the check. */
  static void noFinding(QueryLensRecording test, FindingKind kind, String rule) {
    Map<String, Finding> found = new LinkedHashMap<>(); // one per shape and call site
    for (Finding f : test.findings()) {
      if (f.kind().equals(kind)) {
        found.putIfAbsent(f.shape().id() + ' ' + f.callSite(), f);
      }
    }
    if (found.isEmpty()) {
      return;
    }
    FailureMessage message =
        FailureMessage.of(
            rule
                + ": "
                + found.size()
                + " "
                + kind.label()
                + (found.size() == 1 ? " finding" : " findings")
                + " in unit "
                + test.unitName());
    for (Finding f : found.values()) {
      message.finding(f, test.countOf(f.shape().fingerprint()), test.testLineOf(f));
    }
    List<QueryShape> shapes = found.values().stream().map(Finding::shape).toList();
    throw new AssertionFailedError(
        message.executions(test.executions(), shapes::contains, true).toString());
  }

  /** Fails when more than {@code max} executions of {@code test} match the filters. */
  static void maxQueries(QueryLensRecording test, int max, String operation, String shapeText) {
    Predicate<QueryShape> counted = filter(operation, shapeText);
    long count = test.executions().stream().filter(e -> counted.test(e.shape())).count();
    if (count <= max) {
      return;
    }
    boolean filtered = !operation.isEmpty() || !shapeText.isEmpty();
    String rule =
        "@MaxQueries("
            + max
            + (operation.isEmpty() ? "" : ", operation = \"" + operation + "\"")
            + (shapeText.isEmpty() ? "" : ", shape = \"" + shapeText + "\"")
            + ")";
    throw new AssertionFailedError(
        FailureMessage.of(
                rule
                    + ": "
                    + count
                    + (filtered ? " matching" : "")
                    + " statements ran, "
                    + max
                    + " allowed, in unit "
                    + test.unitName()
                    + (filtered ? " (matching ones marked *)" : ""))
            .executions(test.executions(), counted, filtered)
            .toString(),
        max,
        count);
  }

  /** Fails when the database time of {@code test} exceeds {@code budget}. */
  static void maxDatabaseTime(QueryLensRecording test, String budget) {
    Duration allowed = parseDuration(budget);
    long nanos = test.databaseNanos();
    if (nanos <= allowed.toNanos()) {
      return;
    }
    throw new AssertionFailedError(
        FailureMessage.of(
                "@MaxDatabaseTime(\""
                    + budget
                    + "\"): "
                    + millis(nanos)
                    + " ms in the database in unit "
                    + test.unitName()
                    + " (wall-clock budgets are noisy)")
            .executions(test.executions(), s -> true, false)
            .toString());
  }

  /** Fails when {@code test} waited longer than {@code budget} in pools. */
  static void maxPoolWait(QueryLensRecording test, String budget) {
    Duration allowed = parseDuration(budget);
    long nanos = test.poolWaitNanos();
    if (nanos <= allowed.toNanos()) {
      return;
    }
    throw new AssertionFailedError(
        "@MaxPoolWait(\""
            + budget
            + "\"): "
            + millis(nanos)
            + " ms waiting for pooled connections over "
            + test.checkouts()
            + " checkouts in unit "
            + test.unitName()
            + " (wall-clock budgets are noisy)");
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  /** Shapes of {@code operation} (any case) whose text contains {@code shapeText} (any case). */
  static Predicate<QueryShape> filter(String operation, String shapeText) {
    String text = shapeText.toLowerCase(Locale.ROOT);
    return s ->
        (operation.isEmpty() || s.operation().equalsIgnoreCase(operation))
            && (text.isEmpty() || s.text().toLowerCase(Locale.ROOT).contains(text));
  }

  /** {@code 200ms}, {@code 2s}, {@code 1m}, or a plain number of milliseconds. */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      }
      return Duration.ofMillis(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a duration: \"" + text + "\" (expected e.g. 200ms, 2s or 1m)", e);
    }
  }
}
