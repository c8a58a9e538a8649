package io.querylens.junit;

import io.querylens.core.FindingKind;

/** Assertions on a {@link QueryLensRecording}; each returns this assert to chain the next. */
public final class RecordingAssert {
  private final QueryLensRecording recording;

  RecordingAssert(QueryLensRecording recording) {
    this.recording = recording;
  }

  /** Fails when the test so far showed an n-plus-one finding. */
  public RecordingAssert hasNoNPlusOne() {
    QueryLensJUnitExtension.requireDiagnosis("hasNoNPlusOne()");
    Budgets.noFinding(recording, FindingKind.N_PLUS_ONE, "hasNoNPlusOne()");
    return this;
  }

  /** Fails when the test so far showed a duplicate finding. */
  public RecordingAssert hasNoDuplicateQueries() {
    QueryLensJUnitExtension.requireDiagnosis("hasNoDuplicateQueries()");
    Budgets.noFinding(recording, FindingKind.DUPLICATE, "hasNoDuplicateQueries()");
    return this;
  }

  /** Fails when the test so far showed a chatty-writes finding. */
  public RecordingAssert hasNoChattyWrites() {
    QueryLensJUnitExtension.requireDiagnosis("hasNoChattyWrites()");
    Budgets.noFinding(recording, FindingKind.CHATTY_WRITES, "hasNoChattyWrites()");
    return this;
  }

  /** Fails when the test so far ran more than {@code max} statements. */
  public RecordingAssert hasAtMostQueries(int max) {
    QueryLensJUnitExtension.requireRecording("hasAtMostQueries()");
    Budgets.maxQueries(recording, max, "", "");
    return this;
  }

  /**
   * Starts an assertion on how often the shape of {@code sql} ran: the SQL is normalised as each
   * execution's database reads it, so literals, whitespace and case need not match.
   */
  public ExecutedAssert executed(String sql) {
    QueryLensJUnitExtension.requireRecording("executed()");
    return new ExecutedAssert(this, recording, sql);
  }
}
