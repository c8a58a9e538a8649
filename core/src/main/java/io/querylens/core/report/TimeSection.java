package io.querylens.core.report;

import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import java.util.List;

/**
 * The HTML report's first section, where the time went: the whole run's split into the database's,
 * the application's and the connection's time with the database time the findings flag as waste,
 * then one row per unit-of-work name with its split as a bar, all bars on one scale.
 */
final class TimeSection {
  private TimeSection() {}

  static void write(Html html, QueryLensSnapshot s) {
    TimeSplit time = TimeParts.overall(s);
    List<TimeParts.Part> parts = TimeParts.of(time);
    long total = TimeParts.total(parts);
    html.open("section", "id", "time").newline();
    html.element("h2", "Where the time went");
    html.open("div", "class", "cards");
    card(html, "total", "recorded", total, "", "execute + fetch + process + connection time");
    for (TimeParts.Side side : TimeParts.Side.values()) {
      long nanos = TimeParts.side(parts, side);
      StringBuilder detail = new StringBuilder();
      for (TimeParts.Part part : parts) {
        if (part.side() == side) {
          detail.append(detail.length() == 0 ? "" : " + ");
          detail.append(part.label()).append(' ').append(Durations.format(part.nanos()));
        }
      }
      card(html, side.label, side.label, nanos, Figures.percent(nanos, total), detail.toString());
    }
    long database = TimeParts.side(parts, TimeParts.Side.DATABASE);
    card(
        html,
        "wasted",
        "wasted",
        time.wastedRoundTripNanos(),
        Figures.percent(time.wastedRoundTripNanos(), database),
        "of the database time, in round trips the findings flag as avoidable");
    html.close("div").newline();
    html.open("div", "class", "overall");
    StackedBar.write(html, parts, total, 22);
    html.open("ul", "class", "legend");
    for (TimeParts.Part part : parts) {
      html.open("li", "class", "key " + part.css())
          .text(part.label() + " ")
          .element("b", Durations.format(part.nanos()))
          .close("li");
    }
    html.close("ul").close("div").newline();
    writeUnits(html, s.units());
    html.close("section").newline();
  }

  private static void card(
      Html html, String css, String title, long nanos, String share, String detail) {
    html.open("div", "class", "card " + css, "data-value", Long.toString(nanos));
    html.element("div", title, "class", "label");
    html.open("div", "class", "figure").text(Durations.format(nanos));
    if (!share.isEmpty()) {
      html.element("span", share, "class", "share");
    }
    html.close("div");
    html.element("div", detail, "class", "detail");
    html.close("div");
  }

  private static void writeUnits(Html html, List<UnitSnapshot> units) {
    html.element("h3", "By unit of work");
    if (units.isEmpty()) {
      html.element(
          "p",
          "No units of work recorded (querylens.diagnosis.enabled=false, or nothing ran).",
          "class",
          "none");
      return;
    }
    long scale = 0;
    for (UnitSnapshot unit : units) {
      scale = Math.max(scale, TimeParts.total(TimeParts.of(unit.total())));
    }
    html.open("table", "id", "units", "class", "sortable");
    html.open("thead").open("tr");
    html.sortHeader("name", "text");
    html.sortHeader("units", "num");
    html.sortHeader("executions", "num");
    html.sortHeader("total", "num");
    html.element("th", "split", "class", "barcol");
    for (TimeParts.Side side : TimeParts.Side.values()) {
      html.sortHeader(side.label, "num");
    }
    html.sortHeader("wasted", "num");
    html.sortHeader("slowest", "num");
    html.sortHeader("findings", "num");
    html.close("tr").close("thead").newline().open("tbody");
    for (UnitSnapshot unit : units) {
      List<TimeParts.Part> parts = TimeParts.of(unit.total());
      long total = TimeParts.total(parts);
      html.open("tr", "class", "unit");
      html.element("td", unit.name(), "class", "name");
      html.number("units", unit.units(), Figures.count(unit.units()));
      html.number("executions", unit.executions(), Figures.count(unit.executions()));
      html.number("total", total, Durations.format(total));
      html.open("td", "class", "barcol");
      StackedBar.write(html, parts, scale, 12);
      html.close("td");
      for (TimeParts.Side side : TimeParts.Side.values()) {
        long nanos = TimeParts.side(parts, side);
        html.number(side.label, nanos, Durations.format(nanos));
      }
      long wasted = unit.total() == null ? 0 : unit.total().wastedRoundTripNanos();
      html.number("wasted", wasted, wasted == 0 ? "-" : Durations.format(wasted));
      long slowest = TimeParts.total(TimeParts.of(unit.slowest()));
      html.number("slowest", slowest, Durations.format(slowest));
      html.number("findings", unit.findings(), Figures.count(unit.findings()));
      html.close("tr").newline();
    }
    html.close("tbody").close("table").newline();
  }
}
