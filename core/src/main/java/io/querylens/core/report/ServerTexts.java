package io.querylens.core.report;

import io.querylens.core.Database;
import io.querylens.core.ServerSide;
import io.querylens.core.ServerStatsStatus;
import io.querylens.core.ShapeSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * The words and figures every report uses for the database server's side: a database's name, a
 * reader's status line, and a shape's client time per execution beyond the server's.
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
        + ConsoleReport.plural(s.polls(), "poll")
        + ", "
        + ConsoleReport.plural(s.matchedShapes(), "shape")
        + " matched, "
        + s.unmatchedShapes()
        + " not matched";
  }

  /**
   * The client's execute + fetch per execution beyond {@code server}'s time per call, never below
   * 0; -1 when the client or the server counted no execution.
   */
  static long outsideNanos(ShapeSnapshot shape, ServerSide server) {
    if (server.calls() == 0 || shape.count() == 0) {
      return -1;
    }
    return Math.max(0, shape.clientMeanNanos() - server.meanNanos());
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
}
