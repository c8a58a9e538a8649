package io.querylens.junit;

import io.querylens.core.Execution;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.QueryShapes;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/** How often one statement's shape ran in a test: {@code executed(sql).times(1)}. */
public final class ExecutedAssert {
  private final RecordingAssert owner;
  private final QueryLensRecording recording;
  private final String sql;

  ExecutedAssert(RecordingAssert owner, QueryLensRecording recording, String sql) {
    this.owner = owner;
    this.recording = recording;
    this.sql = sql;
  }

  /** Fails unless the shape ran exactly {@code expected} times; a batch counts once. */
  public RecordingAssert times(int expected) {
    long actual = count();
    if (actual != expected) {
      fail("ran " + actual + " times, expected " + expected, expected, actual);
    }
    return owner;
  }

  /** Fails if the shape ran at all. */
  public RecordingAssert never() {
    return times(0);
  }

  /** Fails when the shape ran more than {@code max} times. */
  public RecordingAssert atMost(int max) {
    long actual = count();
    if (actual > max) {
      fail("ran " + actual + " times, at most " + max + " allowed", max, actual);
    }
    return owner;
  }

  /**
   * Whether {@code e} ran the shape of the SQL, normalised as its database reads it; the case of
   * keywords and names does not matter.
   */
  private boolean matches(Execution e, Map<SqlDialect, QueryShape> shapes) {
    SqlDialect dialect = SqlDialect.of(e.database().systemName());
    QueryShape expected = shapes.computeIfAbsent(dialect, d -> QueryShapes.of(d, sql));
    return e.shape().fingerprint() == expected.fingerprint()
        || e.shape().text().equalsIgnoreCase(expected.text());
  }

  private long count() {
    Map<SqlDialect, QueryShape> shapes = new EnumMap<>(SqlDialect.class);
    return recording.executions().stream().filter(e -> matches(e, shapes)).count();
  }

  private void fail(String what, long expected, long actual) {
    Map<SqlDialect, QueryShape> shapes = new EnumMap<>(SqlDialect.class);
    Set<QueryShape> matched = new HashSet<>();
    for (Execution e : recording.executions()) {
      if (matches(e, shapes)) {
        matched.add(e.shape());
      }
    }
    throw new AssertionFailedError(
        FailureMessage.of(
                "executed(\""
                    + QueryShapes.of(SqlDialect.OTHER, sql).text()
                    + "\") "
                    + what
                    + ", in unit "
                    + recording.unitName()
                    + (matched.isEmpty() ? "" : " (its runs marked *)"))
            .executions(recording.executions(), matched::contains, true)
            .toString(),
        expected,
        actual);
  }
}
