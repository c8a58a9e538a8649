package io.querylens.core.internal.detectors;

import io.querylens.core.Detector;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitExecution;

/**
 * The three repetition detectors registered as one: n-plus-one, duplicate and chatty-writes share
 * their threshold and are judged on the same execution, so one entry in the recording's list calls
 * all three directly. The reason is the JIT, not the logic: the recording's loop over its detectors
 * is one call site, which the JIT inlines for up to two receiver classes and dispatches through a
 * table beyond that; registered one by one, the three classes plus unbounded-result made it four,
 * on every execution of every flagged shape. Here each call has one known target.
 */
final class RepetitionDetectors implements Detector {
  private final NPlusOneDetector nPlusOne;
  private final DuplicateDetector duplicate;
  private final ChattyWritesDetector chattyWrites;
  private final long threshold;

  RepetitionDetectors(int threshold) {
    this.nPlusOne = new NPlusOneDetector(threshold);
    this.duplicate = new DuplicateDetector(threshold);
    this.chattyWrites = new ChattyWritesDetector(threshold);
    this.threshold = threshold;
  }

  @Override
  public long minimumCount() {
    return threshold;
  }

  @Override
  public void onExecution(UnitExecution e) {
    if (e.countInUnit() <= threshold) {
      nPlusOne.onExecution(e);
      duplicate.onExecution(e);
      chattyWrites.onExecution(e);
      return;
    }
    // judged at the threshold, where at most one of them raised: only that one is brought up to
    // date, so a flagged shape's further repetitions pay one detector, not three
    if (e.raised(FindingKind.N_PLUS_ONE)) {
      nPlusOne.onExecution(e);
    } else if (e.raised(FindingKind.DUPLICATE)) {
      duplicate.onExecution(e);
    } else if (e.raised(FindingKind.CHATTY_WRITES)) {
      chattyWrites.onExecution(e);
    }
  }
}
