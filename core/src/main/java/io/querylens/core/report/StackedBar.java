package io.querylens.core.report;

import java.util.List;

/**
 * A horizontal stacked bar in inline SVG: one coloured segment per part of a time split, as long as
 * its share of {@code scale}, so bars drawn with one scale compare across rows. Each segment names
 * its part and time in a tooltip, and the whole bar in its accessible label.
 */
final class StackedBar {
  /** The bar's width in SVG units; the page stretches it to its cell. */
  private static final int WIDTH = 1000;

  private StackedBar() {}

  /**
   * Writes the bar of {@code parts} against {@code scale} nanoseconds (the longest bar's total);
   * {@code height} is in pixels.
   */
  static void write(Html html, List<TimeParts.Part> parts, long scale, int height) {
    long total = TimeParts.total(parts);
    StringBuilder label = new StringBuilder();
    for (TimeParts.Part part : parts) {
      if (part.nanos() > 0) {
        label.append(label.length() == 0 ? "" : ", ");
        label.append(part.label()).append(' ').append(Durations.format(part.nanos()));
      }
    }
    String h = Integer.toString(height);
    html.open(
        "svg",
        "class",
        "bar",
        "viewBox",
        "0 0 " + WIDTH + " " + h,
        "preserveAspectRatio",
        "none",
        "height",
        h,
        "role",
        "img",
        "aria-label",
        label.length() == 0 ? "no time recorded" : label.toString());
    html.open("rect", "class", "track", "x", "0", "y", "0", "width", "" + WIDTH, "height", h)
        .close("rect");
    double x = 0;
    for (TimeParts.Part part : parts) {
      if (part.nanos() <= 0 || scale <= 0) {
        continue;
      }
      double width = (double) WIDTH * part.nanos() / scale;
      html.open(
          "rect",
          "class",
          part.css(),
          "x",
          Figures.coordinate(x),
          "y",
          "0",
          "width",
          Figures.coordinate(width),
          "height",
          h);
      html.element(
          "title",
          part.label()
              + " "
              + Durations.format(part.nanos())
              + " ("
              + Figures.percent(part.nanos(), total)
              + ")");
      html.close("rect");
      x += width;
    }
    html.close("svg");
  }
}
