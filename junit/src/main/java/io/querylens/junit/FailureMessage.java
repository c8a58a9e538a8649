package io.querylens.junit;

import io.querylens.core.Execution;
import io.querylens.core.Finding;
import io.querylens.core.QueryShape;
import java.util.List;
import java.util.function.Predicate;

/**
 * The text of a failed budget: what failed, the findings with what a developer fixes them from, and
 * the test's executions in order as masked shapes (never a bound value).
 */
final class FailureMessage {
  private final StringBuilder text = new StringBuilder();

  private FailureMessage(String headline) {
    text.append(headline);
  }

  static FailureMessage of(String headline) {
    return new FailureMessage(headline);
  }

  /**
   * Adds a finding: kind, shape and id, count in the test, parent, call site, the test's line that
   * led there (when it is not the call site) and hint.
   */
  FailureMessage finding(Finding finding, long countInTest, String testLine) {
    QueryShape shape = finding.shape();
    text.append("\n\n")
        .append(finding.kind().label())
        .append(": ")
        .append(shape.text())
        .append("\n  shape ")
        .append(shape.id())
        .append(", executed ")
        .append(countInTest)
        .append(" times in this test");
    if (finding.parentShape() != null) {
      text.append("\n  parent: ").append(finding.parentShape().text());
      if (finding.parentRows() >= 0) {
        text.append(" (").append(finding.parentRows()).append(" rows)");
      }
    }
    text.append("\n  at ").append(finding.callSite());
    if (testLine != null && !finding.callSite().equals(testLine)) {
      text.append("\n  from the test at ").append(testLine);
    }
    if (finding.explanation() != null) {
      text.append("\n  seen: ").append(finding.explanation());
    }
    text.append("\n  hint: ").append(finding.hint());
    return this;
  }

  /**
   * Adds the executions in order, consecutive runs of one shape on one line; those {@code counted}
   * accepts are marked with {@code *} when {@code marked}.
   */
  FailureMessage executions(
      List<Execution> executions, Predicate<QueryShape> counted, boolean marked) {
    text.append("\n\nexecutions in order (").append(executions.size()).append("):");
    int i = 0;
    while (i < executions.size()) {
      QueryShape shape = executions.get(i).shape();
      int end = i + 1;
      long rows = Math.max(0, executions.get(i).rows());
      while (end < executions.size() && executions.get(end).shape().equals(shape)) {
        rows += Math.max(0, executions.get(end).rows());
        end++;
      }
      text.append("\n  ").append(marked && counted.test(shape) ? '*' : ' ');
      text.append(end - i == 1 ? String.valueOf(i + 1) : (i + 1) + "-" + end);
      text.append("  ").append(shape.text());
      text.append(end - i == 1 ? "" : "  x" + (end - i));
      text.append("  [").append(rows).append(rows == 1 ? " row]" : " rows]");
      i = end;
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
