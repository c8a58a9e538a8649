package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.Phase;
import io.querylens.core.QueryShape;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One finding (kind, shape, call site, phase) summed over the units of work where it was seen.
 * Units write to it from their own threads: when a detector first raises it in a unit ({@link
 * #raised}), each time the detector brings it up to date there ({@link #repeated}: two uncontended
 * atomic adds, paid only by executions that are themselves part of the finding) and when the unit
 * ends ({@link #settled}); and each unit names the parent it chose ({@link #parentNamed}). Readers
 * take a {@link #snapshot()} at any time. The units' names are kept in a {@link UnitNameTally},
 * swapped by compare-and-set once per unit (when it raises, is renamed and ends), never per
 * execution.
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
  private final AtomicReference<UnitParent> parent = new AtomicReference<>();
  private final AtomicReference<UnitNameTally> unitNames =
      new AtomicReference<>(UnitNameTally.EMPTY);
  private volatile boolean heldBack;
  private volatile String explanation;
  private volatile long lastSeenMillis;

  /** The parent one unit named, its rows there, and that unit's repetitions when it named it. */
  private record UnitParent(QueryShape shape, long rows, long count, long unit) {}

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
   * A unit raised it: {@code part} is that unit's part (its count, waste, name and time; the unit
   * names its parent apart); true for the first such unit (exactly one caller sees true).
   */
  boolean raised(Finding part) {
    long count = part.maxCount();
    boolean first = occurrences.incrementAndGet() == 1;
    totalCount.addAndGet(count);
    wastedNanos.addAndGet(part.wastedNanos());
    if (part.explanation() != null) {
      explanation = part.explanation();
    }
    raiseMax(count);
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

  /**
   * Unit {@code unit} (its {@link ThreadState#unitId()}) names {@code shape} as the parent of its
   * {@code count} repetitions, or none (null), {@code rows} the parent's rows there (-1: unknown).
   * The finding shows the parent of the unit with the most repetitions among those that named one,
   * with that unit's rows; a unit's later word replaces its own earlier one, even when it is none.
   * Not on the hot path: a unit names its parent when it raises the finding, when it chooses again,
   * and when it ends.
   */
  void parentNamed(QueryShape shape, long rows, long count, long unit) {
    while (true) {
      UnitParent current = parent.get();
      boolean sameUnit = current != null && current.unit == unit;
      if (!sameUnit && (shape == null || (current != null && count < current.count))) {
        return;
      }
      UnitParent next = shape == null ? null : new UnitParent(shape, rows, count, unit);
      if (parent.compareAndSet(current, next)) {
        return;
      }
    }
  }

  /** A unit that had it ended (or dropped it from its table), named {@code unitName}. */
  void settled(String unitName, long nowMillis) {
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
    UnitParent p = parent.get();
    UnitNameTally names = unitNames.get();
    return new Finding(
        kind,
        shape,
        p == null ? null : p.shape,
        p == null ? -1 : p.rows,
        callSite,
        occurrences.get(),
        maxCount.get(),
        totalCount.get(),
        wastedNanos.get(),
        hint,
        explanation,
        names.names(),
        names.distinct(),
        heldBack,
        firstSeenMillis,
        lastSeenMillis,
        phase);
  }
}
