package io.querylens.core.internal.unitofwork;

import io.querylens.core.FindingKind;

/**
 * The hint of a start-up finding. Start-up runs once per start, not once per request, so the kind's
 * usual advice is worth following only when start-up time matters; a seed script's row by row
 * inserts get advice a script can follow.
 */
final class StartupHints {
  private StartupHints() {}

  /**
   * The hint for a start-up finding of {@code kind}, inside a script runner when {@code script}.
   */
  static String of(FindingKind kind, boolean script) {
    if (script && FindingKind.CHATTY_WRITES.equals(kind)) {
      return "a start-up data script: it runs once per start, so leave it unless start-up time"
          + " matters; then insert the rows of each table with one multi-row INSERT";
    }
    String where = script ? "in a schema or data script" : "while the framework starts";
    return "runs once per start, "
        + where
        + ": leave it unless start-up time matters; then "
        + kind.hint();
  }
}
