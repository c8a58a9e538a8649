package io.querylens.core.report;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import java.util.List;

/**
 * The parts of a {@link TimeSplit} the HTML report draws, in the order of its bars and legends,
 * each on its side: the database's, the application's, or the connection's (waiting for or opening
 * one). When {@code TimeSplit} gains a part, it is added in {@link #of(TimeSplit)} and the report's
 * bars, legends and unit table follow.
 */
final class TimeParts {
  /** Whose time a part is. */
  enum Side {
    DATABASE("database"),
    APPLICATION("application"),
    CONNECTION("connection");

    final String label;

    Side(String label) {
      this.label = label;
    }
  }

  /**
   * One part of a split.
   *
   * @param label its name in legends and tooltips
   * @param css the class that colours it
   * @param side whose time it is
   * @param nanos the time
   */
  record Part(String label, String css, Side side, long nanos) {}

  private TimeParts() {}

  /** The parts of {@code t} (null counts as empty). */
  static List<Part> of(TimeSplit t) {
    TimeSplit split = t == null ? TimeSplit.EMPTY : t;
    return List.of(
        new Part("execute", "execute", Side.DATABASE, split.dbExecuteNanos()),
        new Part("fetch", "fetch", Side.DATABASE, split.dbFetchNanos()),
        new Part("process", "process", Side.APPLICATION, split.appProcessNanos()),
        new Part("pool wait", "acquire", Side.CONNECTION, split.poolWaitNanos()),
        new Part("connect", "connect", Side.CONNECTION, split.connectNanos()));
  }

  /** The parts of one shape's time: its execute, fetch and process sums. */
  static List<Part> of(ShapeSnapshot shape) {
    return List.of(
        new Part("execute", "execute", Side.DATABASE, sum(shape.execute())),
        new Part("fetch", "fetch", Side.DATABASE, sum(shape.fetch())),
        new Part("process", "process", Side.APPLICATION, sum(shape.process())));
  }

  /** The sum of the parts on {@code side}. */
  static long side(List<Part> parts, Side side) {
    long nanos = 0;
    for (Part part : parts) {
      if (part.side() == side) {
        nanos += part.nanos();
      }
    }
    return nanos;
  }

  /** The sum of all parts. */
  static long total(List<Part> parts) {
    long nanos = 0;
    for (Part part : parts) {
      nanos += part.nanos();
    }
    return nanos;
  }

  /**
   * Where the whole run's time went: the snapshot's split, or, when units of work were not tracked
   * ({@code querylens.diagnosis.enabled=false}), {@link #fromShapes}.
   */
  static TimeSplit overall(QueryLensSnapshot s) {
    if (s.time() != null && s.time().totalNanos() != 0) {
      return s.time();
    }
    return fromShapes(s);
  }

  /**
   * The split summed from the shapes and the pool waits, for a snapshot without unit-of-work
   * tracking; physical connects are left out, since without it those of a pool's own threads cannot
   * be told apart.
   */
  static TimeSplit fromShapes(QueryLensSnapshot s) {
    long execute = 0;
    long fetch = 0;
    long process = 0;
    for (ShapeSnapshot shape : s.shapes()) {
      execute += sum(shape.execute());
      fetch += sum(shape.fetch());
      process += sum(shape.process());
    }
    ConnectionSnapshot connections = s.connections();
    long acquire = connections == null ? 0 : sum(connections.acquire());
    return new TimeSplit(execute, fetch, process, acquire, 0, 0);
  }

  private static long sum(DistributionSnapshot d) {
    return d == null ? 0 : d.sum();
  }
}
