package io.querylens.core.internal.detectors;

import io.querylens.core.Detector;
import io.querylens.core.config.QueryLensConfig;
import java.util.List;

/** The detectors every recording runs, configured from its config. */
public final class BuiltInDetectors {
  private BuiltInDetectors() {}

  /**
   * n-plus-one, duplicate and chatty-writes at {@code querylens.nplusone.threshold} (as one entry,
   * {@link RepetitionDetectors}), and unbounded-result above {@code
   * querylens.unbounded-result.rows}.
   */
  public static List<Detector> create(QueryLensConfig config) {
    return List.of(
        new RepetitionDetectors(config.nPlusOneThreshold()),
        new UnboundedResultDetector(config.unboundedResultRows()));
  }
}
