package io.querylens.core.report;

import java.util.List;

/**
 * A call site ({@code com.example.shop.OrderService.listOrders(OrderService.java:42)}) fitted to a
 * width without losing what finds the line: class, method, file and line number always stay. When
 * it is too long, package names are abbreviated to their first letter from the left ({@code
 * c.example.shop.OrderService...}, then {@code c.e.shop.OrderService...}), then the package is
 * dropped; what is still too long is broken before the parenthesis and, only where a part is longer
 * than a line by itself, within it. Text that is not a frame (no parenthesis) is broken into lines.
 * Decision 0032.
 */
final class CallSiteText {
  private CallSiteText() {}

  /** {@code site} (folded onto one line) on lines of at most {@code width} code points. */
  static List<String> lines(String site, int width) {
    String text = ConsoleReport.oneLine(site, Integer.MAX_VALUE);
    if (length(text) <= width) {
      return List.of(text);
    }
    int paren = text.indexOf('(');
    if (paren <= 0) {
      return ConsoleReport.breakLines(text, width);
    }
    String frame = text.substring(paren);
    String[] parts = text.substring(0, paren).split("\\.", -1);
    int packages = Math.max(0, parts.length - 2); // the last two are the class and the method
    for (int abbreviated = 1; abbreviated <= packages; abbreviated++) {
      String shorter = join(parts, abbreviated, packages) + frame;
      if (length(shorter) <= width) {
        return List.of(shorter);
      }
    }
    String classAndMethod = String.join(".", List.of(parts).subList(packages, parts.length));
    if (length(classAndMethod) + length(frame) <= width) {
      return List.of(classAndMethod + frame);
    }
    return ConsoleReport.breakLines(classAndMethod + " " + frame, width);
  }

  /** {@code parts} joined by dots, the first {@code abbreviated} packages cut to one letter. */
  private static String join(String[] parts, int abbreviated, int packages) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('.');
      }
      String part = parts[i];
      if (i < abbreviated && i < packages && !part.isEmpty()) {
        sb.appendCodePoint(part.codePointAt(0));
      } else {
        sb.append(part);
      }
    }
    return sb.toString();
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
