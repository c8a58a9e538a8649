package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One finding (kind, shape, call site) summed over the units of work where it was seen. Units write
 * to it from their own threads: when a detector first raises it in a unit ({@link #raised}), each
 * time the detector brings it up to date there ({@link #repeated}: two uncontended atomic adds,
 * paid only by executions that are themselves part of the finding) and when the unit ends ({@link
 * #settled}). Readers take a {@link #snapshot()} at any time. The units' names are kept in a {@link
 * UnitNameTally}, swapped by compare-and-set once per unit (when it raises, is renamed and ends),
 * never per execution.
 */
final class AggregatedFinding {
  final FindingKind kind;
  final QueryShape shape;
  final String callSite;
  final long firstSeenMillis;

  private final AtomicLong occurrences = new AtomicLong();
  private final AtomicLong totalCount = new AtomicLong();
  private final AtomicLong maxCount = new AtomicLong();
  private final AtomicLong wastedNanos = new AtomicLong();
  private volatile QueryShape parentShape;
  private volatile long parentRows = -1;
  private final AtomicReference<UnitNameTally> unitNames =
      new AtomicReference<>(UnitNameTally.EMPTY);
  private volatile boolean heldBack;
  private volatile String explanation;
  private volatile long lastSeenMillis;

  AggregatedFinding(FindingKind kind, QueryShape shape, String callSite, long nowMillis) {
    this.kind = kind;
    this.shape = shape;
    this.callSite = callSite;
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
    if ((raiseMax(count) || first) && part.parentRows() >= 0) {
      parentRows = part.parentRows();
    }
    for (String name : part.unitNames()) {
      updateNames(t -> t.raised(name));
    }
    lastSeenMillis = part.lastSeenMillis();
    return first;
  }

  /** Its live WARN line was not written when it was first seen. */
  void heldBack() {
    heldBack = true;
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

  /**
   * A unit that had it ended (or dropped it from its table) at {@code count} executions, named
   * {@code unitName}.
   */
  void settled(long count, long rows, String unitName, long nowMillis) {
    if (rows >= 0 && count >= maxCount.get()) {
      parentRows = rows;
    }
    updateNames(t -> t.ended(unitName));
    lastSeenMillis = nowMillis;
  }

  /** A unit that raised this finding under the name {@code from} ended named {@code to}. */
  void renamed(String from, String to) {
    updateNames(t -> t.renamed(from, to));
  }

  private void updateNames(UnaryOperator<UnitNameTally> change) {
    UnitNameTally current;
    UnitNameTally next;
    do {
      current = unitNames.get();
      next = change.apply(current);
    } while (next != current && !unitNames.compareAndSet(current, next));
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
    UnitNameTally names = unitNames.get();
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
        kind.hint(),
        explanation,
        names.names(),
        names.distinct(),
        heldBack,
        firstSeenMillis,
        lastSeenMillis);
  }
}
