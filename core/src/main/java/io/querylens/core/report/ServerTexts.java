package io.querylens.core.report;

import io.querylens.core.Database;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * The words and figures every report uses for the database server's side: a database's name, a
 * reader's status line, and a shape's client time per execution to set beside the server's.
 */
final class ServerTexts {
  private ServerTexts() {}

  /** {@code postgresql test at 127.0.0.1:5432}, leaving out what is unknown. */
  static String database(Database d) {
    return d == null ? "database" : d.describe();
  }

  /** The state as reports print it: {@code reading}, {@code unavailable}, {@code off}... */
  static String state(ServerStatsStatus.State state) {
    return state == null ? "unknown" : state.name().toLowerCase(Locale.ROOT);
  }

  /**
   * One reader's status without its detail: {@code postgresql test at 127.0.0.1:5432,
   * pg_stat_statements: reading, 12 polls, 5 shapes matched, 1 not matched}; the counts only once a
   * read succeeded.
   */
  static String status(ServerStatsStatus s) {
    String text = database(s.database()) + ", " + s.source() + ": " + state(s.state());
    if (s.polls() == 0) {
      return text;
    }
    return text
        + ", "
        + plural(s.polls(), "poll")
        + ", "
        + plural(s.matchedShapes(), "shape")
        + " matched, "
        + s.unmatchedShapes()
        + " not matched";
  }

  /** The client's execute + fetch per execution, as the database findings judge it; 0 unrun. */
  static long clientMeanNanos(ShapeSnapshot s) {
    if (s.count() == 0) {
      return 0;
    }
    return (sum(s.execute()) + sum(s.fetch())) / s.count();
  }

  /** Whether any of {@code shapes} has the server's side. */
  static boolean anyServer(List<ShapeSnapshot> shapes) {
    for (ShapeSnapshot s : shapes) {
      if (s.server() != null) {
        return true;
      }
    }
    return false;
  }

  private static long sum(DistributionSnapshot d) {
    return d == null ? 0 : d.sum();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
