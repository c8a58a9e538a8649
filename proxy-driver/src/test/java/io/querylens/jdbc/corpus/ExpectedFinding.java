package io.querylens.jdbc.corpus;

import io.querylens.core.FindingKind;

/**
 * One finding a scenario must produce: matched on kind, shape text and call-site line; the other
 * fields are details checked on matched findings only (null or -1: not checked).
 *
 * @param kind the kind of finding
 * @param shape the repeated shape's text
 * @param site where the repeated call is made
 * @param parentShape the parent query's shape text, {@link #NO_PARENT} when the finding must name
 *     none, or null when not checked
 * @param parentRows rows the parent returned, or -1 when not checked
 * @param maxCount repetitions in the unit, or -1 when not checked
 */
record ExpectedFinding(
    FindingKind kind,
    String shape,
    CallSite site,
    String parentShape,
    long parentRows,
    long maxCount) {

  /** The parent shape of a finding that names none. */
  static final String NO_PARENT = "(no parent)";

  static ExpectedFinding nPlusOne(String shape, CallSite site) {
    return new ExpectedFinding(FindingKind.N_PLUS_ONE, shape, site, null, -1, -1);
  }

  static ExpectedFinding duplicate(String shape, CallSite site) {
    return new ExpectedFinding(FindingKind.DUPLICATE, shape, site, null, -1, -1);
  }

  static ExpectedFinding chattyWrites(String shape, CallSite site) {
    return new ExpectedFinding(FindingKind.CHATTY_WRITES, shape, site, null, -1, -1);
  }

  /** A large read to the end without a row limit, {@code site} the line whose next() ended it. */
  static ExpectedFinding unboundedResult(String shape, CallSite site) {
    return new ExpectedFinding(FindingKind.UNBOUNDED_RESULT, shape, site, null, -1, -1);
  }

  /** Whether a matched finding of this kind must name wasted round trips (the repetitions). */
  boolean wastesRoundTrips() {
    return !kind.equals(FindingKind.UNBOUNDED_RESULT);
  }

  /** The same expectation, also requiring this parent query and its row count. */
  ExpectedFinding withParent(String shape, long rows) {
    return new ExpectedFinding(kind, this.shape, site, shape, rows, maxCount);
  }

  /** The same expectation, also requiring that the finding names no parent query. */
  ExpectedFinding withNoParent() {
    return new ExpectedFinding(kind, shape, site, NO_PARENT, -1, maxCount);
  }

  /** The same expectation, also requiring this many repetitions in the unit. */
  ExpectedFinding withCount(long count) {
    return new ExpectedFinding(kind, shape, site, parentShape, parentRows, count);
  }
}
