package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.ServerSide;

/**
 * The cumulative figures of one statement digest in {@code
 * performance_schema.events_statements_summary_by_digest}, times in picoseconds as the server keeps
 * them.
 */
record DigestFigures(
    long calls,
    long timerWaitPicos,
    long lockPicos,
    long rowsSent,
    long rowsAffected,
    long rowsExamined,
    long noIndexCalls) {
  /** No calls, nothing counted. */
  static final DigestFigures ZERO = new DigestFigures(0, 0, 0, 0, 0, 0, 0);

  /** Whether any figure is below {@code previous}'s: the table was truncated or the row reused. */
  boolean isBelow(DigestFigures previous) {
    return calls < previous.calls
        || timerWaitPicos < previous.timerWaitPicos
        || lockPicos < previous.lockPicos
        || rowsSent < previous.rowsSent
        || rowsAffected < previous.rowsAffected
        || rowsExamined < previous.rowsExamined
        || noIndexCalls < previous.noIndexCalls;
  }

  /** What was added since {@code previous}. */
  DigestFigures minus(DigestFigures previous) {
    return new DigestFigures(
        calls - previous.calls,
        timerWaitPicos - previous.timerWaitPicos,
        lockPicos - previous.lockPicos,
        rowsSent - previous.rowsSent,
        rowsAffected - previous.rowsAffected,
        rowsExamined - previous.rowsExamined,
        noIndexCalls - previous.noIndexCalls);
  }

  /** These figures as the server's side of a shape, times in nanoseconds. */
  ServerSide toServerSide(String source) {
    return new ServerSide(
        source,
        calls,
        timerWaitPicos / 1000,
        -1,
        rowsSent + rowsAffected,
        rowsExamined,
        -1,
        -1,
        lockPicos / 1000,
        noIndexCalls,
        null,
        null);
  }
}
