package io.querylens.core.internal;

/**
 * Writes Java strings as JSON string literals, for the JSON report and Spring Boot's configuration
 * metadata. Internal: public only for the other core packages.
 */
public final class JsonString {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonString() {}

  /**
   * Appends {@code value} as a JSON string literal: quotes and backslashes escaped, control
   * characters (U+0000 to U+001F, U+007F) and the JavaScript line terminators U+2028 and U+2029
   * written as {@code \}{@code uXXXX}, and a surrogate without its partner replaced by U+FFFD, so
   * the result is valid UTF-8 and safe to embed in a script. A null value is written as {@code
   * null}.
   */
  public static void append(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        appendEscape(out, c);
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          out.append(c).append(value.charAt(++i));
        } else {
          appendEscape(out, '\uFFFD');
        }
      } else if (Character.isLowSurrogate(c)) {
        appendEscape(out, '\uFFFD');
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void appendEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
