package io.querylens.jdbc.internal;

/**
 * Reads what follows the hosts of a server URL, or the whole of an embedded database's URL: the
 * database path, then the properties. What it cannot read is hidden.
 */
final class UrlTail {
  private UrlTail() {}

  /**
   * Reads {@code text} into {@code out}. In a server URL ({@code embedded} false) the path starts
   * with {@code /} and names the database; in an embedded one, the path is the text before the
   * properties and its last segment names the database.
   */
  static void read(String text, Grammar grammar, boolean embedded, ParsedUrl out) {
    int pos = 0;
    if (grammar.pathEnd != null && (embedded || text.startsWith("/"))) {
      int start = embedded ? 0 : 1;
      pos = UrlChars.indexOfAny(text, grammar.pathEnd, start);
      String path = text.substring(start, pos);
      out.show(text.substring(0, start));
      out.showIf(UrlChars.isPath(path), path);
      out.strayAt |= path.indexOf('@') >= 0;
      String name = embedded ? lastSegment(path) : grammar.namespace(path);
      out.namespace = UrlChars.isName(name) ? name : null;
    }
    if (pos == text.length()) {
      return;
    }
    char start = text.charAt(pos);
    out.show(String.valueOf(start)); // a character that ends the hosts or the path
    if (start == grammar.propertiesStart) {
      UrlProperties.read(text.substring(pos + 1), grammar, out);
    } else {
      out.strayAt |= text.indexOf('@', pos) >= 0;
      out.mask();
    }
  }

  /** The last segment of an embedded database's path: {@code test} of {@code mem:test}. */
  private static String lastSegment(String path) {
    int cut = -1;
    for (int i = 0; i < path.length(); i++) {
      if (":/\\".indexOf(path.charAt(i)) >= 0) {
        cut = i;
      }
    }
    return path.substring(cut + 1);
  }
}
