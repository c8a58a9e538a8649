package io.querylens.core.internal.detectors;

import io.querylens.core.FindingKind;
import io.querylens.core.UnitExecution;

/**
 * {@code n-plus-one}: a read of a table repeated in one unit with different parameters, typically
 * once per row of a parent query.
 */
final class NPlusOneDetector extends RepetitionDetector {
  NPlusOneDetector(int threshold) {
    super(FindingKind.N_PLUS_ONE, threshold);
  }

  @Override
  boolean matches(UnitExecution e) {
    return e.isRead() && e.sameParametersInUnit() < e.countInUnit();
  }
}
