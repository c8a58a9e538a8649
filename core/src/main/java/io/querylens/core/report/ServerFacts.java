package io.querylens.core.report;

import io.querylens.core.ServerSide;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.WaitCategory;
import io.querylens.core.WaitProfile;

/**
 * The HTML report's server figures of one shape, under its distributions: the server's time per
 * call next to the client's, calls, planning, rows returned and examined, buffer blocks, lock time,
 * executions without an index, the samples in flight per wait category and the plan; only what the
 * source keeps. Nothing for a shape without the server's side.
 */
final class ServerFacts {
  private ServerFacts() {}

  static void write(Html html, ShapeSnapshot shape) {
    ServerSide server = shape.server();
    if (server == null) {
      return;
    }
    html.open("dl", "class", "facts server-facts");
    html.element("dt", "server").element("dd", server.source());
    html.element("dt", "server mean")
        .element(
            "dd",
            server.calls() == 0
                ? "-"
                : Durations.format(server.meanNanos())
                    + " per call (client "
                    + Durations.format(shape.clientMeanNanos())
                    + " per execution)");
    html.element("dt", "server calls").element("dd", Figures.count(server.calls()));
    if (server.planNanos() >= 0) {
      html.element("dt", "planning").element("dd", Durations.format(server.planNanos()));
    }
    known(html, "rows", server.rows());
    known(html, "rows examined", server.rowsExamined());
    if (server.blocksHit() >= 0 || server.blocksRead() >= 0) {
      html.element("dt", "blocks")
          .element(
              "dd",
              Figures.count(Math.max(0, server.blocksHit()))
                  + " hit, "
                  + Figures.count(Math.max(0, server.blocksRead()))
                  + " read");
    }
    if (server.lockNanos() >= 0) {
      html.element("dt", "lock time").element("dd", Durations.format(server.lockNanos()));
    }
    known(html, "no index", server.noIndexCalls());
    WaitProfile waits = server.waits();
    if (waits.samples() > 0) {
      StringBuilder text = new StringBuilder();
      for (WaitCategory c : WaitCategory.values()) {
        if (waits.samples(c) > 0) {
          text.append(text.length() == 0 ? "" : ", ")
              .append(c.label())
              .append(' ')
              .append(Figures.count(waits.samples(c)));
        }
      }
      text.append(" (every ").append(Durations.format(waits.sampleIntervalNanos())).append(')');
      html.element("dt", "wait samples").element("dd", text.toString());
    }
    if (server.plan() != null) {
      html.element("dt", "plan").open("dd").element("code", server.plan(), "class", "plan");
      html.close("dd");
    }
    html.close("dl");
  }

  private static void known(Html html, String name, long value) {
    if (value >= 0) {
      html.element("dt", name).element("dd", Figures.count(value));
    }
  }
}
