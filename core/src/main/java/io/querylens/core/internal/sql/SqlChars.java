package io.querylens.core.internal.sql;

/** The character classes the SQL lexer needs, the same for every dialect. */
final class SqlChars {
  private SqlChars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHexDigit(char c) {
    return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /** ASCII whitespace (space, tab, LF, VT, FF, CR) and Unicode spaces. */
  static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    return c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** A letter, an underscore, or a non-ASCII character that is neither a space nor a control. */
  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c > 0x9f && !Character.isSurrogate(c) && !isSpace(c));
  }

  static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  /** A dollar-quote tag's first character: PostgreSQL takes letters, '_' and any non-ASCII. */
  static boolean isTagStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }
}
