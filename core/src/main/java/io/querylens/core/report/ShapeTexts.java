package io.querylens.core.report;

import io.querylens.core.QueryShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of every shape one console report prints, each shortened from the middle ({@link
 * SqlShortener}) to the width of the lines it is printed on, and never two different shapes alike:
 * where shortening would print them the same, each of them keeps a line more, until they differ.
 * Built once per report from every place a shape is printed.
 */
final class ShapeTexts {
  /** A shape's folded text printed on lines of {@code width}. */
  private record Place(String text, int width) {}

  private final Map<Place, String> printed;

  private ShapeTexts(Map<Place, String> printed) {
    this.printed = printed;
  }

  /** Collects the places shapes are printed. */
  static final class Builder {
    private final Set<Place> places = new HashSet<>();

    /** {@code shape} will be printed on lines of {@code width} code points; null is ignored. */
    Builder add(QueryShape shape, int width) {
      if (shape != null) {
        places.add(new Place(folded(shape), width));
      }
      return this;
    }

    ShapeTexts build() {
      Map<Place, Integer> room = new LinkedHashMap<>();
      for (Place p : places) {
        room.put(p, p.width());
      }
      Map<Place, String> printed = new HashMap<>();
      while (true) {
        Map<String, List<Place>> byText = new HashMap<>();
        for (Map.Entry<Place, Integer> e : room.entrySet()) {
          String text = SqlShortener.shorten(e.getKey().text(), e.getValue());
          printed.put(e.getKey(), text);
          byText.computeIfAbsent(text, t -> new ArrayList<>()).add(e.getKey());
        }
        boolean widened = false;
        for (List<Place> alike : byText.values()) {
          if (alike.size() < 2 || alike.stream().map(Place::text).distinct().count() < 2) {
            continue;
          }
          for (Place p : alike) {
            if (!printed.get(p).equals(p.text())) { // cut: one line more for it
              room.merge(p, p.width(), Integer::sum);
              widened = true;
            }
          }
        }
        if (!widened) {
          return new ShapeTexts(printed);
        }
      }
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /**
   * The lines {@code shape} is printed on at {@code width} (as added to the builder): one, or more
   * when it had to keep more to differ from another shape. One empty line for null.
   */
  List<String> lines(QueryShape shape, int width) {
    if (shape == null) {
      return List.of("");
    }
    Place place = new Place(folded(shape), width);
    String text = printed.get(place);
    if (text == null) { // not added: shortened alone
      text = SqlShortener.shorten(place.text(), width);
    }
    return ConsoleReport.breakLines(text, width);
  }

  private static String folded(QueryShape shape) {
    return ConsoleReport.oneLine(shape.text() == null ? "" : shape.text(), Integer.MAX_VALUE);
  }
}
