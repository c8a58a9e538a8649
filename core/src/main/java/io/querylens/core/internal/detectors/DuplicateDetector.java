package io.querylens.core.internal.detectors;

import io.querylens.core.FindingKind;
import io.querylens.core.UnitExecution;

/**
 * {@code duplicate}: a statement repeated in one unit with the same parameters every time (a
 * missing cache or a repeated lookup), a read or a write.
 */
final class DuplicateDetector extends RepetitionDetector {
  DuplicateDetector(int threshold) {
    super(FindingKind.DUPLICATE, threshold);
  }

  @Override
  boolean matches(UnitExecution e) {
    return e.sameParametersInUnit() >= e.countInUnit();
  }
}
