package io.querylens.exporter.otel.internal.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts spans, metric points and log records that an exporter failed to deliver (the collector is
 * down, slow or refuses them), reported as the {@code querylens.telemetry.dropped} metric and in a
 * WARN line on logger {@code io.querylens} at most once a minute. Lock-free; called on the SDK's
 * export threads, never on the application's. Internal: public only for the exporter's entry class.
 */
public final class DeliveryHealth {
  private static final Logger logger = LoggerFactory.getLogger("io.querylens");

  /** Least time between two log lines. */
  static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Map<Signal, LongAdder> dropped = new EnumMap<>(Signal.class);
  private final LongSupplier clock;
  private final Consumer<String> log;
  private final AtomicLong nextLogAt;

  public DeliveryHealth() {
    this(System::nanoTime, logger::warn);
  }

  /** Test hook: the clock (as {@link System#nanoTime()}) and where log lines go. */
  DeliveryHealth(LongSupplier nanoClock, Consumer<String> log) {
    for (Signal s : Signal.values()) {
      dropped.put(s, new LongAdder());
    }
    this.clock = nanoClock;
    this.log = log;
    this.nextLogAt = new AtomicLong(nanoClock.getAsLong());
  }

  /** Counts {@code items} of {@code signal} that were not delivered; logs now and then. */
  public void dropped(Signal signal, long items) {
    if (items <= 0) {
      return;
    }
    dropped.get(signal).add(items);
    long now = clock.getAsLong();
    long next = nextLogAt.get();
    if (now - next >= 0 && nextLogAt.compareAndSet(next, now + INTERVAL_NANOS)) {
      log.accept(
          "QueryLens: the OpenTelemetry exporter could not deliver "
              + items
              + " "
              + signal.label()
              + " item(s) (collector down or slow?); not delivered so far: "
              + dropped(Signal.SPANS)
              + " spans, "
              + dropped(Signal.METRICS)
              + " metric points, "
              + dropped(Signal.LOGS)
              + " log records. The application is not affected; counted in"
              + " querylens.telemetry.dropped. Logged at most once a minute.");
    }
  }

  /** Items of {@code signal} not delivered so far. */
  public long dropped(Signal signal) {
    return dropped.get(signal).sum();
  }
}
