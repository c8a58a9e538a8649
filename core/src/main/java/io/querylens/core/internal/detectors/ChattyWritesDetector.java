package io.querylens.core.internal.detectors;

import io.querylens.core.FindingKind;
import io.querylens.core.UnitExecution;

/**
 * {@code chatty-writes}: an INSERT, UPDATE, DELETE, MERGE, UPSERT or REPLACE repeated row by row in
 * one unit with different parameters, where one batch would do.
 */
final class ChattyWritesDetector extends RepetitionDetector {
  ChattyWritesDetector(int threshold) {
    super(FindingKind.CHATTY_WRITES, threshold);
  }

  @Override
  boolean matches(UnitExecution e) {
    return e.isWrite() && e.sameParametersInUnit() < e.countInUnit();
  }
}
