package io.querylens.core.internal.unitofwork;

import io.querylens.core.FindingKind;

/** What usually removes a finding of each kind, as reports and the log line print it. */
final class Hints {
  static final String N_PLUS_ONE =
      "load these rows together with the parent query: a join fetch or entity graph, batch"
          + " fetching, or one query with an IN list";
  static final String DUPLICATE =
      "the same statement ran again with the same parameters: cache the result or move the"
          + " query out of the loop";
  static final String CHATTY_WRITES =
      "send the rows in one round trip: JDBC batching (addBatch/executeBatch) or one multi-row"
          + " statement";

  private Hints() {}

  static String of(FindingKind kind) {
    switch (kind) {
      case N_PLUS_ONE:
        return N_PLUS_ONE;
      case DUPLICATE:
        return DUPLICATE;
      case CHATTY_WRITES:
        return CHATTY_WRITES;
      default:
        throw new AssertionError(kind);
    }
  }
}
