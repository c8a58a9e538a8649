package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.Phase;
import io.querylens.core.QueryShape;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One finding (kind, shape, call site, phase) summed over the units of work where it was seen.
 * Units write to it from their own threads: when a detector first raises it in a unit ({@link
 * #raised}), each time the detector brings it up to date there ({@link #repeated}: two uncontended
 * atomic adds, paid only by executions that are themselves part of the finding) and when the unit
 * ends ({@link #settled}). Readers take a {@link #snapshot()} at any time.
 */
final class AggregatedFinding {
  final FindingKind kind;
  final QueryShape shape;
  final String callSite;
  final Phase phase;
  final String hint;
  final long firstSeenMillis;

  private final AtomicLong occurrences = new AtomicLong();
  private final AtomicLong totalCount = new AtomicLong();
  private final AtomicLong maxCount = new AtomicLong();
  private final AtomicLong wastedNanos = new AtomicLong();
  private volatile QueryShape parentShape;
  private volatile long parentRows = -1;
  private volatile String exampleUnit;
  private volatile String explanation;
  private volatile long lastSeenMillis;

  /** The finding of which {@code part} is the first unit's part. */
  AggregatedFinding(Finding part) {
    this.kind = part.kind();
    this.shape = part.shape();
    this.callSite = part.callSite();
    this.phase = part.phase();
    this.hint = part.hint();
    long nowMillis = part.firstSeenMillis();
    this.firstSeenMillis = nowMillis;
    this.lastSeenMillis = nowMillis;
  }

  /**
   * A unit raised it: {@code part} is that unit's part (its count, waste, parent, name and time);
   * true for the first such unit (exactly one caller sees true).
   */
  boolean raised(Finding part) {
    long count = part.maxCount();
    boolean first = occurrences.incrementAndGet() == 1;
    totalCount.addAndGet(count);
    wastedNanos.addAndGet(part.wastedNanos());
    QueryShape parent = part.parentShape();
    if (parent != null && parentShape == null) {
      parentShape = parent;
    }
    if (part.explanation() != null) {
      explanation = part.explanation();
    }
    if (raiseMax(count) || exampleUnit == null) {
      exampleUnit = part.exampleUnit();
      if (part.parentRows() >= 0) {
        parentRows = part.parentRows();
      }
    }
    lastSeenMillis = part.lastSeenMillis();
    return first;
  }

  /**
   * A unit that raised it brought it up to date: it now covers {@code count} executions there,
   * {@code countDelta} more than before, with {@code wastedDelta} more waste and, unless null, a
   * new {@code explanation}.
   */
  void repeated(long count, long countDelta, long wastedDelta, String explanation) {
    totalCount.addAndGet(countDelta);
    wastedNanos.addAndGet(wastedDelta);
    if (count > maxCount.get()) {
      raiseMax(count);
    }
    if (explanation != null) {
      this.explanation = explanation;
    }
  }

  /** The parent, still being read when the repetitions began, has ended with {@code rows}. */
  void parentRowsKnown(long rows) {
    if (parentRows < 0) {
      parentRows = rows;
    }
  }

  /** A unit that had it ended (or dropped it from its table) at {@code count} executions. */
  void settled(long count, long rows, String unitName, long nowMillis) {
    if (rows >= 0 && count >= maxCount.get()) {
      parentRows = rows;
      exampleUnit = unitName;
    }
    lastSeenMillis = nowMillis;
  }

  /**
   * A unit that raised this finding under the name {@code from} ended named {@code to}: the example
   * unit follows if it is still {@code from}.
   */
  void renamed(String from, String to) {
    if (from.equals(exampleUnit)) {
      exampleUnit = to;
    }
  }

  private boolean raiseMax(long count) {
    long max;
    while (count > (max = maxCount.get())) {
      if (maxCount.compareAndSet(max, count)) {
        return true;
      }
    }
    return false;
  }

  long wastedNanos() {
    return wastedNanos.get();
  }

  Finding snapshot() {
    return new Finding(
        kind,
        shape,
        parentShape,
        parentShape == null ? -1 : parentRows,
        callSite,
        occurrences.get(),
        maxCount.get(),
        totalCount.get(),
        wastedNanos.get(),
        hint,
        explanation,
        exampleUnit,
        firstSeenMillis,
        lastSeenMillis,
        phase);
  }
}
