package io.querylens.core.report;

/**
 * Builds the text of the HTML report: elements, attributes and text. Every piece of text and every
 * attribute value is escaped on the way in, so SQL, unit names and call sites (user-controlled
 * text) can never become markup; only tag and attribute names, which come from the code, are
 * written as they are. Control characters other than tab and line breaks, and surrogates without
 * their partner, become U+FFFD.
 */
final class Html {
  private final StringBuilder out;

  Html(int capacity) {
    out = new StringBuilder(capacity);
  }

  /**
   * Opens {@code tag} with the given attributes, as name/value pairs; an attribute whose value is
   * null is left out.
   */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"");
        escape(attributes[i + 1]);
        out.append('"');
      }
    }
    out.append('>');
    return this;
  }

  /** Closes {@code tag}. */
  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** {@code tag} holding only {@code text}, with the given attributes as in {@link #open}. */
  Html element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /**
   * A table cell with a number: {@code shown} as its text, {@code value} to sort by; a zero is
   * greyed so that the figures that matter stand out.
   */
  Html number(String css, long value, String shown) {
    return element(
        "td",
        shown,
        "class",
        value == 0 ? "num zero " + css : "num " + css,
        "data-value",
        Long.toString(value));
  }

  /**
   * A column header whose button sorts its table by this column, as numbers ({@code type} {@code
   * num}, by each cell's {@code data-value}) or as text ({@code text}).
   */
  Html sortHeader(String label, String type) {
    open("th", "class", type, "data-sort", type).element("button", label, "type", "button");
    return close("th");
  }

  /** {@code text} escaped; null writes nothing. */
  Html text(String text) {
    if (text != null) {
      escape(text);
    }
    return this;
  }

  /** Markup written as it is: only for constant text from the code, never for data. */
  Html markup(String markup) {
    out.append(markup);
    return this;
  }

  /** Starts a line, so that the page's source stays readable. */
  Html newline() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> out.append(c);
        default -> {
          if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
            out.append('\uFFFD');
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
