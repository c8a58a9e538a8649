package io.querylens.core.internal.sql;

import static io.querylens.core.internal.sql.SqlChars.isDigit;
import static io.querylens.core.internal.sql.SqlChars.isHexDigit;
import static io.querylens.core.internal.sql.SqlChars.isSpace;
import static io.querylens.core.internal.sql.SqlChars.isTagStart;

import io.querylens.core.internal.sql.DialectRules.Rule;

/**
 * Where a literal, quoted name or bracket that starts at a given index of the SQL text ends: each
 * method looks ahead from one start and returns the end (exclusive), or -1 when there is no certain
 * end. Stateless; every search is linear in what it passes over, with bounded look-ahead where the
 * end may never come ({@link #MAX_DOLLAR_TAG}, {@link #MAX_BRACKET_LOOKAHEAD}).
 */
final class LiteralEnds {
  /**
   * Longest dollar-quote tag followed: PostgreSQL takes longer ones, but they cut the shape, which
   * keeps the search for the closing tag linear.
   */
  static final int MAX_DOLLAR_TAG = 64;

  /** How far a '[' looks for its ']' when the dialect is unsure what the brackets hold. */
  static final int MAX_BRACKET_LOOKAHEAD = 256;

  private LiteralEnds() {}

  /** The character at {@code i}, or NUL past the end. */
  static char at(String sql, int i) {
    return i < sql.length() ? sql.charAt(i) : '\0';
  }

  /**
   * End of a string whose content starts at {@code from}, or -1 when it has no end or, with {@code
   * backslashEscapes} unsure, when a backslash before a quote would end it in one reading and not
   * in the other (an odd run of backslashes right before the quote).
   */
  static int stringEnd(String sql, int from, char quote, Rule backslashEscapes) {
    int n = sql.length();
    int backslashes = 0;
    for (int i = from; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\\') {
        if (backslashEscapes == Rule.YES) {
          i++;
        } else {
          backslashes++;
        }
        continue;
      }
      if (c == quote) {
        if ((backslashes & 1) == 1 && backslashEscapes == Rule.UNSURE) {
          return -1;
        }
        if (at(sql, i + 1) != quote) {
          return i + 1;
        }
        i++;
      }
      backslashes = 0;
    }
    return -1;
  }

  /** End of a quoted name closed by {@code close} (doubled to escape), or -1. */
  static int doubledEnd(String sql, int from, char close) {
    int n = sql.length();
    for (int i = from; i < n; i++) {
      if (sql.charAt(i) == close) {
        if (at(sql, i + 1) != close) {
          return i + 1;
        }
        i++;
      }
    }
    return -1;
  }

  /** End of Oracle's q'Xtext X' quoting; {@code quote} is the index of the first quote. */
  static int qQuoteEnd(String sql, int quote) {
    int n = sql.length();
    int d = quote + 1;
    if (d >= n || isSpace(sql.charAt(d))) {
      return -1;
    }
    char open = sql.charAt(d);
    char close;
    switch (open) {
      case '[':
        close = ']';
        break;
      case '{':
        close = '}';
        break;
      case '(':
        close = ')';
        break;
      case '<':
        close = '>';
        break;
      default:
        close = open;
    }
    for (int i = d + 1; i + 1 < n; i++) {
      if (sql.charAt(i) == close && sql.charAt(i + 1) == '\'') {
        return i + 2;
      }
    }
    return -1;
  }

  /**
   * The index of the {@code $} closing a dollar-quote tag that starts at {@code from}, or -1 when
   * no tag is there. PostgreSQL takes letters, digits (not first), underscores and any non-ASCII
   * character.
   */
  static int dollarTagEnd(String sql, int from) {
    if (!isTagStart(at(sql, from))) {
      return -1;
    }
    int n = sql.length();
    int e = from + 1;
    while (e < n && (isTagStart(sql.charAt(e)) || isDigit(sql.charAt(e)))) {
      e++;
    }
    return at(sql, e) == '$' ? e : -1;
  }

  /**
   * Whether a tag's non-ASCII characters are all letters or digits: the server takes any, but the
   * PostgreSQL driver's own parser does not, and where they disagree the shape is cut.
   */
  static boolean plainTag(String sql, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = sql.charAt(i);
      if (c >= 0x80 && !Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * End of a dollar-quoted string whose opening tag ({@code $$} or {@code $tag$}) spans {@code
   * [open, contentStart)}, or -1. Tags are at most {@value #MAX_DOLLAR_TAG} characters, so the
   * search stays linear.
   */
  static int dollarQuoteEnd(String sql, int open, int contentStart) {
    int n = sql.length();
    int tagLength = contentStart - open;
    for (int i = contentStart; i + tagLength <= n; i++) {
      if (sql.charAt(i) == '$' && sql.regionMatches(i, sql, open, tagLength)) {
        return i + tagLength;
      }
    }
    return -1;
  }

  /** End of a number starting at {@code p} (a digit, or '.' before a digit). */
  static int numberEnd(String sql, int p) {
    int n = sql.length();
    int i = p;
    if (at(sql, i) == '0') {
      char kind = (char) (at(sql, i + 1) | 0x20);
      if (kind == 'x' && isHexDigit(at(sql, i + 2))) {
        i += 2;
        while (i < n && (isHexDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        return i;
      }
      if ((kind == 'b' || kind == 'o') && isDigit(at(sql, i + 2))) {
        i += 2;
        return digitsEnd(sql, i);
      }
    }
    i = digitsEnd(sql, i);
    if (at(sql, i) == '.') {
      i = digitsEnd(sql, i + 1);
    }
    if ((at(sql, i) | 0x20) == 'e') {
      int j = i + 1;
      char c = at(sql, j);
      if (c == '+' || c == '-') {
        j++;
      }
      if (isDigit(at(sql, j))) {
        i = digitsEnd(sql, j);
      }
    }
    return i;
  }

  /** End of a run of digits (with '_' separators between digits) starting at {@code from}. */
  static int digitsEnd(String sql, int from) {
    int n = sql.length();
    int i = from;
    while (i < n) {
      char c = sql.charAt(i);
      if (isDigit(c) || (c == '_' && i > from && isDigit(at(sql, i + 1)))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * Whether the {@code [..]} at {@code p} reads the same as a quoted name and as a subscript: its
   * first {@code ]} comes soon and nothing before it opens a string or a comment.
   */
  static boolean plainBracket(String sql, int p) {
    int limit = Math.min(sql.length(), p + 1 + MAX_BRACKET_LOOKAHEAD);
    for (int i = p + 1; i < limit; i++) {
      char c = sql.charAt(i);
      switch (c) {
        case ']':
          return true;
        case '\'':
        case '"':
        case '`':
        case '$':
        case '#':
          return false;
        case '-':
        case '/':
          char next = at(sql, i + 1);
          if (next == c || next == '*') {
            return false;
          }
          break;
        default:
      }
    }
    return false;
  }
}
