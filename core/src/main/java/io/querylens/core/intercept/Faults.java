package io.querylens.core.intercept;

import io.querylens.core.internal.QueryLensLog;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts and logs faults inside QueryLens itself. Internal: not part of the public API and may
 * change in any release.
 *
 * <p>QueryLens code catches anything its own work throws and hands it to {@link #report}, then lets
 * the application's call proceed as if QueryLens were absent. Each report is counted; it is logged
 * at WARN on logger {@code io.querylens}, with its stack trace, at most once a minute per {@code
 * where}, and the log line says how many reports for that {@code where} were suppressed since the
 * previous one. At most {@value #MAX_PLACES} distinct {@code where} values get their own rate
 * limit; further ones share one.
 *
 * <p>Lock-free: the per-place state is two atomics, and the only allocation is on the first fault
 * of a place and in the log call itself.
 */
public final class Faults {
  private static final Logger logger = QueryLensLog.logger();

  /** Distinct {@code where} values with their own rate limit. */
  static final int MAX_PLACES = 256;

  /** Least time between two log lines for one {@code where}. */
  static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Writes one log line; replaced in tests. */
  interface Sink {
    void warn(String message, Throwable t);
  }

  private static final Sink loggerSink = logger::warn;

  private static final LongAdder total = new LongAdder();
  private static final ConcurrentHashMap<String, Place> places = new ConcurrentHashMap<>();
  private static volatile Place shared = new Place(System.nanoTime());
  private static volatile LongSupplier clock = System::nanoTime;
  private static volatile Sink sink = loggerSink;

  /** Set while this thread is logging, so a fault raised by the logging itself is not logged. */
  private static final ThreadLocal<Boolean> logging = new ThreadLocal<>();

  /** Rate-limit state of one {@code where}. */
  private static final class Place {
    /** Clock reading at or after which the next report is logged. */
    final AtomicLong nextLogAt;

    /** Reports not logged since the last log line. */
    final AtomicLong suppressed = new AtomicLong();

    Place(long now) {
      this.nextLogAt = new AtomicLong(now);
    }
  }

  private Faults() {}

  /**
   * Counts a fault and logs it unless one for {@code where} was logged in the last minute. Never
   * throws, not even when logging fails.
   *
   * @param where a short constant naming the code that failed, e.g. {@code "statement.execute"}
   * @param t what it threw; may be {@code null}
   */
  public static void report(String where, Throwable t) {
    try {
      total.increment();
      String place = where == null ? "unknown" : where;
      long now = clock.getAsLong();
      Place p = place(place, now);
      long next = p.nextLogAt.get();
      if (now - next < 0
          || logging.get() != null // raised while logging a fault: do not recurse
          || !p.nextLogAt.compareAndSet(next, now + INTERVAL_NANOS)) {
        p.suppressed.incrementAndGet();
        return;
      }
      long suppressed = p.suppressed.getAndSet(0);
      logging.set(Boolean.TRUE);
      try {
        sink.warn(message(place, p == shared, suppressed, t), t);
      } finally {
        logging.remove();
      }
    } catch (Throwable ignored) {
      // the caller's call must proceed whatever happened here, logging failures included
    }
  }

  /** Faults reported since start-up or the last {@link #reset()}. */
  public static long count() {
    return total.sum();
  }

  /**
   * For tests: forgets the count and every rate limit, and restores the system clock and the SLF4J
   * logger.
   */
  public static void reset() {
    total.reset();
    places.clear();
    clock = System::nanoTime;
    sink = loggerSink;
    shared = new Place(System.nanoTime());
  }

  /** Test hook: the clock (nanoseconds, as {@link System#nanoTime()}) used for rate limiting. */
  static void setClock(LongSupplier nanoClock) {
    clock = nanoClock;
    shared = new Place(nanoClock.getAsLong());
  }

  /** Test hook: where log lines go instead of the SLF4J logger. */
  static void setSink(Sink testSink) {
    sink = testSink;
  }

  private static Place place(String where, long now) {
    Place p = places.get(where);
    if (p != null) {
      return p;
    }
    if (places.size() >= MAX_PLACES) {
      return shared;
    }
    // a few places over the bound may slip in under a race; the map stays small regardless
    return places.computeIfAbsent(where, w -> new Place(now));
  }

  private static String message(String where, boolean shared, long suppressed, Throwable t) {
    StringBuilder sb = new StringBuilder(160);
    sb.append("QueryLens internal fault in ").append(where);
    if (t != null) {
      sb.append(": ").append(t);
    }
    sb.append(" (the application's call proceeded; QueryLens may have missed data). ");
    sb.append(suppressed).append(" more ");
    sb.append(shared ? "in other places" : "here");
    sb.append(" suppressed since the last such message; ");
    sb.append(total.sum()).append(" in total. Logged at most once a minute");
    sb.append(shared ? " for all places beyond the first " + MAX_PLACES + "." : " per place.");
    return sb.toString();
  }
}
