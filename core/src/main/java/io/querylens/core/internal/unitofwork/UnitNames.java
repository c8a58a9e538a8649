package io.querylens.core.internal.unitofwork;

import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ended units of work summed per unit name, at most {@code maxNames} names; units of further names
 * are summed under {@link #OTHER_NAME}. Written once per ended unit (a few uncontended atomic
 * adds), never per execution.
 */
final class UnitNames {
  /** Where units beyond the name bound are summed. */
  static final String OTHER_NAME = "(other units)";

  /** Distinct unit names kept. */
  static final int MAX_NAMES = 200;

  /** The sums for one name. */
  static final class Stats {
    final String name;
    final AtomicLong units = new AtomicLong();
    final AtomicLong executions = new AtomicLong();
    final AtomicLong executeNanos = new AtomicLong();
    final AtomicLong fetchNanos = new AtomicLong();
    final AtomicLong processNanos = new AtomicLong();
    final AtomicLong poolWaitNanos = new AtomicLong();
    final AtomicLong connectNanos = new AtomicLong();
    final AtomicLong wastedNanos = new AtomicLong();
    final AtomicLong findings = new AtomicLong();
    final AtomicReference<TimeSplit> slowest = new AtomicReference<>();

    Stats(String name) {
      this.name = name;
    }

    /** One more ended unit of this name, with its totals. */
    void add(Totals unit) {
      this.units.incrementAndGet();
      this.executions.addAndGet(unit.executions);
      this.executeNanos.addAndGet(unit.executeNanos);
      this.fetchNanos.addAndGet(unit.fetchNanos);
      if (unit.processNanos != 0) {
        this.processNanos.addAndGet(unit.processNanos);
      }
      if (unit.poolWaitNanos != 0) {
        this.poolWaitNanos.addAndGet(unit.poolWaitNanos);
      }
      if (unit.connectNanos != 0) {
        this.connectNanos.addAndGet(unit.connectNanos);
      }
      if (unit.wastedNanos != 0) {
        this.wastedNanos.addAndGet(unit.wastedNanos);
      }
      if (unit.findings != 0) {
        this.findings.addAndGet(unit.findings);
      }
      long total =
          unit.executeNanos
              + unit.fetchNanos
              + unit.processNanos
              + unit.poolWaitNanos
              + unit.connectNanos;
      TimeSplit s = slowest.get();
      while (s == null || total > s.totalNanos()) {
        TimeSplit mine = unit.split();
        if (slowest.compareAndSet(s, mine)) {
          break;
        }
        s = slowest.get();
      }
    }

    UnitSnapshot snapshot() {
      TimeSplit s = slowest.get();
      return new UnitSnapshot(
          name,
          units.get(),
          executions.get(),
          new TimeSplit(
              executeNanos.get(),
              fetchNanos.get(),
              processNanos.get(),
              poolWaitNanos.get(),
              connectNanos.get(),
              wastedNanos.get()),
          s == null ? TimeSplit.EMPTY : s,
          findings.get());
    }
  }

  private final ConcurrentHashMap<String, Stats> byName = new ConcurrentHashMap<>();
  private final Stats other = new Stats(OTHER_NAME);
  private final int maxNames;

  UnitNames(int maxNames) {
    this.maxNames = maxNames;
  }

  /** The stats for {@code name}, or the shared {@link #OTHER_NAME} ones beyond the bound. */
  Stats of(String name) {
    Stats s = byName.get(name);
    if (s != null) {
      return s;
    }
    if (byName.size() >= maxNames) {
      return other;
    }
    // a few names over the bound may slip in under a race; the map stays small regardless
    return byName.computeIfAbsent(name, Stats::new);
  }

  Iterable<Stats> all() {
    return byName.values();
  }

  Stats other() {
    return other;
  }
}
