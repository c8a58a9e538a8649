package io.querylens.jdbc.internal.serverstats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL plan ({@code EXPLAIN (FORMAT JSON)}) summarised in one line without any value: the
 * nodes from the leaves up, each its node type, index and relation names, and {@code (filter)} when
 * it filters rows, e.g. {@code Seq Scan on owners (filter) -> Sort}. Several inputs of one node are
 * listed in brackets: {@code [Seq Scan on pets + Hash(Seq Scan on owners)] -> Hash Join}. Filter
 * and condition expressions, which may hold values, are never read into the summary.
 */
final class PlanSummary {
  /** The longest summary kept; longer ones are cut with an ellipsis. */
  static final int MAX_LENGTH = 300;

  private PlanSummary() {}

  /** The summary of the JSON {@code explainJson}; throws on text that is not a plan. */
  static String of(String explainJson) {
    Object root = new JsonReader(explainJson).value();
    Object first = root instanceof List<?> list && !list.isEmpty() ? list.get(0) : root;
    if (!(first instanceof Map<?, ?> top) || !(top.get("Plan") instanceof Map<?, ?> plan)) {
      throw new IllegalArgumentException("not an EXPLAIN (FORMAT JSON) plan");
    }
    StringBuilder out = new StringBuilder();
    append(plan, out);
    return out.length() <= MAX_LENGTH ? out.toString() : out.substring(0, MAX_LENGTH - 3) + "...";
  }

  private static void append(Map<?, ?> node, StringBuilder out) {
    List<Map<?, ?>> inputs = new ArrayList<>();
    if (node.get("Plans") instanceof List<?> plans) {
      for (Object p : plans) {
        if (p instanceof Map<?, ?> m) {
          inputs.add(m);
        }
      }
    }
    if (inputs.size() == 1) {
      append(inputs.get(0), out);
      out.append(" -> ");
    } else if (inputs.size() > 1) {
      out.append('[');
      for (int i = 0; i < inputs.size(); i++) {
        if (i > 0) {
          out.append(" + ");
        }
        append(inputs.get(i), out);
      }
      out.append("] -> ");
    }
    out.append(node.get("Node Type"));
    if (node.get("Index Name") != null) {
      out.append(" using ").append(node.get("Index Name"));
    }
    if (node.get("Relation Name") != null) {
      out.append(" on ").append(node.get("Relation Name"));
    }
    if (node.get("Filter") != null) {
      out.append(" (filter)");
    }
  }

  /** Just enough of a JSON reader for EXPLAIN output: objects, arrays, strings, scalars. */
  private static final class JsonReader {
    private final String text;
    private int pos;

    JsonReader(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      char c = peek();
      if (c == '{') {
        return object();
      }
      if (c == '[') {
        return array();
      }
      if (c == '"') {
        return string();
      }
      int start = pos;
      while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException("JSON value expected at " + pos);
      }
      String scalar = text.substring(start, pos);
      return scalar.equals("null") ? null : scalar;
    }

    private Map<String, Object> object() {
      Map<String, Object> out = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (peek() == '}') {
        pos++;
        return out;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        out.put(key, value());
        skipSpace();
        if (peek() == '}') {
          pos++;
          return out;
        }
        expect(',');
      }
    }

    private List<Object> array() {
      List<Object> out = new ArrayList<>();
      pos++;
      skipSpace();
      if (peek() == ']') {
        pos++;
        return out;
      }
      while (true) {
        out.add(value());
        skipSpace();
        if (peek() == ']') {
          pos++;
          return out;
        }
        expect(',');
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw new IllegalArgumentException("bad escape at " + pos);
            }
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      }
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("'" + c + "' expected at " + (pos - 1));
      }
    }

    private char next() {
      char c = peek();
      pos++;
      return c;
    }

    private char peek() {
      if (pos >= text.length()) {
        throw new IllegalArgumentException("JSON ends early");
      }
      return text.charAt(pos);
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
