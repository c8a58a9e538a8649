package io.querylens.core.internal.unitofwork;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.FindingListener;
import io.querylens.core.Phase;
import io.querylens.core.QueryShape;
import io.querylens.core.intercept.Faults;
import io.querylens.core.internal.stats.DistinctCounter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Findings merged across units of work by kind, shape, call site and phase, at most {@code
 * maxFindings} of them. A new one (its first unit, exactly one per finding) is logged once at WARN,
 * at most one log line per second for all findings; the next line that is written says how many
 * were held back, and each held-back finding is marked ({@link Finding#heldBack()}) so the reports
 * can list it.
 */
final class FindingAggregator {
  /** Least time between two finding log lines. */
  static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Runtime before start-up, then most wasted time first. */
  private static final Comparator<Finding> MOST_WASTED_FIRST =
      Comparator.comparing(Finding::phase)
          .thenComparing(
              Comparator.comparingLong(Finding::wastedNanos)
                  .thenComparingLong(Finding::totalCount)
                  .reversed())
          .thenComparing(f -> f.shape().text())
          .thenComparing(Finding::callSite);

  /** Writes one log line. */
  interface Log {
    void warn(String message);
  }

  private record Key(FindingKind kind, QueryShape shape, String callSite, Phase phase) {}

  private final ConcurrentHashMap<Key, AggregatedFinding> findings = new ConcurrentHashMap<>();
  private final int maxFindings;
  private final Log log;
  private final LongSupplier nanoClock;
  private final AtomicInteger kept = new AtomicInteger();

  /** The distinct findings (kind, shape and call site) not kept, approximately. */
  private final DistinctCounter dropped = new DistinctCounter();

  private final AtomicLong nextLogAt;
  private final AtomicLong notLogged = new AtomicLong();

  FindingAggregator(int maxFindings, Log log, LongSupplier nanoClock) {
    this.maxFindings = maxFindings;
    this.log = log;
    this.nanoClock = nanoClock;
    this.nextLogAt = new AtomicLong(nanoClock.getAsLong());
  }

  /**
   * The aggregated finding for a unit that just raised {@code part} (that unit's part of it: {@code
   * occurrences} 1, its count, waste, parent, name and time), with this unit counted in it; null
   * when {@code maxFindings} distinct findings exist already and this is another. Then tells {@code
   * listeners} this unit's part ({@code unit}: the unit's source identity, or null), even when it
   * was not kept.
   */
  AggregatedFinding raise(Finding part, FindingListener[] listeners, Object unit) {
    AggregatedFinding f = findOrCreate(part);
    boolean first = f != null && f.raised(part);
    if (first && !logNew(part)) {
      f.heldBack();
    }
    if (listeners.length > 0) {
      tell(listeners, part, unit, first);
    }
    return f;
  }

  /**
   * The finding of {@code part}'s kind, shape, call site and phase; null when {@code maxFindings}
   * are kept and this is another.
   */
  private AggregatedFinding findOrCreate(Finding part) {
    Key key = new Key(part.kind(), part.shape(), part.callSite(), part.phase());
    AggregatedFinding f = findings.get(key);
    if (f != null) {
      return f;
    }
    if (kept.incrementAndGet() > maxFindings) {
      kept.decrementAndGet();
      dropped.add(keyHash(part.kind(), part.shape(), part.callSite()));
      return null;
    }
    AggregatedFinding fresh = new AggregatedFinding(part);
    f = findings.putIfAbsent(key, fresh);
    if (f == null) {
      return fresh;
    }
    kept.decrementAndGet(); // another thread made it first
    return f;
  }

  /** Tells {@code listeners} one unit's {@code part} of a finding. */
  private static void tell(FindingListener[] listeners, Finding part, Object unit, boolean isNew) {
    for (FindingListener listener : listeners) {
      try {
        listener.onFinding(part, unit, isNew);
      } catch (Throwable t) {
        Faults.report("finding listener " + listener.getClass().getName(), t);
      }
    }
  }

  /** A 64-bit key of a finding's kind, shape and call site, for the dropped count. */
  private static long keyHash(FindingKind kind, QueryShape shape, String callSite) {
    return (shape.fingerprint() * 31 + (callSite == null ? 0 : callSite.hashCode())) * 31
        + kind.hashCode();
  }

  /**
   * Distinct findings not kept because {@code maxFindings} was reached: an estimate, exact in
   * practice for small counts (see {@link DistinctCounter}).
   */
  long dropped() {
    return dropped.estimate();
  }

  /** Every finding, most wasted time first. */
  List<Finding> snapshot() {
    List<Finding> out = new ArrayList<>(findings.size());
    for (AggregatedFinding f : findings.values()) {
      out.add(f.snapshot());
    }
    out.sort(MOST_WASTED_FIRST);
    return out;
  }

  /** Logs a new finding unless the rate limit holds it back; whether its line was written. */
  private boolean logNew(Finding part) {
    long now = nanoClock.getAsLong();
    long next = nextLogAt.get();
    if (now - next < 0 || !nextLogAt.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
      notLogged.incrementAndGet();
      return false;
    }
    long skipped = notLogged.getAndSet(0);
    try {
      log.warn(message(part, skipped));
      return true;
    } catch (RuntimeException | LinkageError e) {
      // a broken logging setup must not lose the finding; it stays in the snapshot, marked
      return false;
    }
  }

  /**
   * The log line of a new finding, from one unit's {@code part} of it; {@code skipped} new findings
   * were held back since the previous line.
   */
  static String message(Finding part, long skipped) {
    long count = part.maxCount();
    QueryShape parent = part.parentShape();
    long parentRows = part.parentRows();
    StringBuilder sb = new StringBuilder(256);
    sb.append("QueryLens finding ").append(part.kind().label()).append(": ");
    sb.append(part.shape().text()).append(" ran ").append(count);
    sb.append(count == 1 ? " time" : " times").append(" so far in unit of work '");
    sb.append(String.join("', '", part.unitNames())).append("' at ").append(part.callSite());
    if (parent != null) {
      sb.append(", following ").append(parent.text());
      if (parentRows >= 0) {
        sb.append(" (").append(parentRows).append(parentRows == 1 ? " row)" : " rows)");
      }
    }
    if (part.explanation() != null) {
      sb.append("; ").append(part.explanation());
    }
    sb.append(". Hint: ").append(part.hint()).append('.');
    if (skipped > 0) {
      sb.append(" (").append(skipped).append(skipped == 1 ? " new finding" : " new findings");
      sb.append(" held back since the previous line, at most one line a second;");
      sb.append(" the console report at exit lists them.)");
    }
    return sb.toString();
  }
}
