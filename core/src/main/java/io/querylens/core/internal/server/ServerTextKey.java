package io.querylens.core.internal.server;

import io.querylens.core.SqlDialect;
import io.querylens.core.internal.sql.SqlNormalizer;

/**
 * The key under which a statement text normalised by the database server and a QueryLens shape's
 * text meet. Servers normalise their own way: PostgreSQL writes parameters {@code $1}, MariaDB
 * upper-cases keywords, quotes identifiers with backticks, writes IN lists as {@code (...)}, spaces
 * punctuation, writes {@code <>} as {@code !=} and a negative number as {@code - ?}. The key is the
 * QueryLens normal form with those differences folded: parameters {@code ?}, lists of parameters
 * {@code (?)}, identifier quotes dropped, lower case, {@code <>} as {@code !=}, and no space except
 * between two words. The raw server text is never kept: only the key, and only while matching.
 */
public final class ServerTextKey {
  private ServerTextKey() {}

  /** The key of a text the server normalised, read as {@code dialect}. */
  public static String ofServerText(String serverText, SqlDialect dialect) {
    String literals =
        dialect == SqlDialect.MYSQL ? markersAsNumbers(serverText) : dollarParameters(serverText);
    return canonical(SqlNormalizer.shape(literals, dialect).text());
  }

  /** The key of a QueryLens shape's (already normalised) text. */
  public static String ofShapeText(String shapeText) {
    return canonical(shapeText);
  }

  /** {@code $1}, {@code $23} outside quotes as {@code ?}. */
  static String dollarParameters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        out.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        out.append(c);
      } else if (c == '$'
          && i + 1 < text.length()
          && Character.isDigit(text.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        while (i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
          i++;
        }
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * MariaDB's {@code ?} outside quotes as the number {@code 0}, which the normaliser turns back
   * into {@code ?} with the same rule for a sign as the client's literal had: MariaDB writes {@code
   * a = -1} as {@code a = - ?} and {@code a - 1} as {@code a - ?}.
   */
  static String markersAsNumbers(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        out.append(c);
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '-' && nextNonSpace(text, i + 1) == '?') {
        out.append("-0"); // close up, so that a unary minus joins the number
        i = text.indexOf('?', i + 1);
      } else {
        out.append(c == '?' ? '0' : c);
      }
    }
    return out.toString();
  }

  private static char nextNonSpace(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return text.charAt(i);
      }
    }
    return 0;
  }

  /** Identifier quotes dropped, lower case, spaces only between words, parameter lists as (?). */
  static String canonical(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`' || c == '"') {
        continue;
      }
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace && isWord(c) && isWord(out.charAt(out.length() - 1))) {
        out.append(' ');
      }
      pendingSpace = false;
      out.append(Character.toLowerCase(c));
    }
    return parameterLists(out.toString()).replace("<>", "!=");
  }

  /** {@code (...)}, {@code (?,?)} and {@code (?)} all as {@code (?)}. */
  private static String parameterLists(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = c == '(' ? parameterListEnd(text, i + 1) : -1;
      if (end > 0) {
        out.append("(?)");
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index of the {@code )} closing a list of only {@code ?}, commas and dots, or -1. */
  private static int parameterListEnd(String text, int from) {
    boolean any = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ')') {
        return any ? i : -1;
      }
      if (c == '?' || c == '.') {
        any = true;
      } else if (c != ',') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
