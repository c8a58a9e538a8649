package io.querylens.core.internal.sql;

import static io.querylens.core.internal.sql.LiteralEnds.at;
import static io.querylens.core.internal.sql.SqlChars.isDigit;
import static io.querylens.core.internal.sql.SqlChars.isIdentPart;
import static io.querylens.core.internal.sql.SqlChars.isIdentStart;
import static io.querylens.core.internal.sql.SqlChars.isSpace;
import static io.querylens.core.internal.sql.TokenKind.CLOSE;
import static io.querylens.core.internal.sql.TokenKind.COMMA;
import static io.querylens.core.internal.sql.TokenKind.LITERAL;
import static io.querylens.core.internal.sql.TokenKind.MARKER;
import static io.querylens.core.internal.sql.TokenKind.OPEN;
import static io.querylens.core.internal.sql.TokenKind.OTHER;
import static io.querylens.core.internal.sql.TokenKind.QUOTED;
import static io.querylens.core.internal.sql.TokenKind.WORD;

import io.querylens.core.internal.sql.DialectRules.Dollar;
import io.querylens.core.internal.sql.DialectRules.Rule;

/**
 * Reads SQL text as one database does ({@link DialectRules}) and hands its tokens, whitespace and
 * comments to a {@link ShapeWriter}: one pass over the characters with bounded look-ahead ({@link
 * LiteralEnds}), no regular expressions, no recursion, never throws. Where the rules leave a
 * construct unsure, or a character cannot be classified (a control character, a lone surrogate, an
 * unterminated quote or comment), it asks the writer to cut the shape there.
 */
final class SqlLexer {
  private final String sql;
  private final int n;
  private final DialectRules rules;
  private final ShapeWriter writer;

  /** Start of the next token. */
  private int pos;

  /** True where the next token starts an operand (a sign there is unary). */
  private boolean operandExpected = true;

  /** Open subscript and array '[' brackets, so that ']' closes one only while one is open. */
  private int subscripts;

  SqlLexer(String sql, DialectRules rules, ShapeWriter writer) {
    this.sql = sql;
    this.n = sql.length();
    this.rules = rules;
    this.writer = writer;
  }

  /** Reads the whole text, or up to where the writer stops or cuts. */
  void run() {
    final String s = sql;
    final ShapeWriter w = writer;
    while (pos < n && !w.stopped()) {
      int p = pos;
      char c = s.charAt(p);
      if (c <= ' ') {
        if (isSpace(c)) {
          w.space();
          pos = p + 1;
        } else {
          w.cut(); // NUL and other control characters: nothing a lexer should guess about
        }
        continue;
      }
      switch (c) {
        case '\'':
          string(p + 1, '\'', rules.backslashEscapes);
          break;
        case '"':
          if (rules.doubleQuoteString == Rule.NO) {
            quoted(p, LiteralEnds.doubledEnd(s, p + 1, '"'));
          } else {
            string(p + 1, '"', rules.backslashEscapes);
          }
          break;
        case '`':
          if (rules.backtickName == Rule.YES) {
            quoted(p, LiteralEnds.doubledEnd(s, p + 1, '`'));
          } else {
            literal(LiteralEnds.doubledEnd(s, p + 1, '`'));
          }
          break;
        case '[':
          bracket(p);
          break;
        case ']':
          if (subscripts > 0) {
            subscripts--;
            token(CLOSE, p, p + 1, -1);
          } else {
            token(OTHER, p, p + 1, -1);
          }
          break;
        case '(':
          token(OPEN, p, p + 1, -1);
          break;
        case ')':
          token(CLOSE, p, p + 1, -1);
          break;
        case ',':
          token(COMMA, p, p + 1, -1);
          break;
        case '-':
          if (at(s, p + 1) == '-') {
            dashes(p);
          } else {
            sign(p);
          }
          break;
        case '+':
          sign(p);
          break;
        case '/':
          slash(p);
          break;
        case '.':
          if (operandExpected && isDigit(at(s, p + 1))) {
            literal(LiteralEnds.numberEnd(s, p));
          } else {
            token(OTHER, p, p + 1, -1);
          }
          break;
        case '$':
          dollar(p);
          break;
        case '?':
          // written as '?': ?1 numbers mean nothing
          token(MARKER, p, LiteralEnds.digitsEnd(s, p + 1), -1);
          break;
        case ':':
          colon(p);
          break;
        case '@':
          prefixedWord(p, '@');
          break;
        case '#':
          hash(p);
          break;
        default:
          if (isDigit(c)) {
            literal(LiteralEnds.numberEnd(s, p));
          } else if (isIdentStart(c) || isSurrogatePair(p)) {
            word(p);
          } else if (c >= 0x80 && isSpace(c)) {
            w.space();
            pos = p + 1;
          } else if (c >= 0x7f && c <= 0x9f || Character.isSurrogate(c)) {
            w.cut(); // DEL, C1 controls, a surrogate without its pair
          } else {
            token(OTHER, p, p + 1, -1);
          }
      }
    }
  }

  /** Hands {@code sql[start, end)} to the writer and moves past it. */
  private void token(int kind, int start, int end, int keyword) {
    pos = end;
    writer.token(kind, start, end, keyword);
    switch (kind) {
      case WORD:
        operandExpected = keyword >= 0 && keyword != Keywords.ARRAY && keyword != Keywords.ROW;
        break;
      case LITERAL:
      case MARKER:
      case QUOTED:
      case CLOSE:
        operandExpected = false;
        break;
      case OTHER:
        char c = sql.charAt(start);
        operandExpected = c != ')' && c != ']' && c != '}';
        break;
      default:
        operandExpected = true;
    }
  }

  private void sign(int p) {
    char next = at(sql, p + 1);
    if (operandExpected && (isDigit(next) || (next == '.' && isDigit(at(sql, p + 2))))) {
      literal(LiteralEnds.numberEnd(sql, p + 1));
    } else {
      token(OTHER, p, p + 1, -1);
    }
  }

  /** {@code --} at {@code p}: a comment, two minus signs, or unsure. */
  private void dashes(int p) {
    char next = at(sql, p + 2);
    boolean end = p + 2 >= n;
    switch (rules.dash) {
      case ALWAYS:
        lineComment(p + 2);
        break;
      case NEEDS_SPACE: // whitespace or a control character, DEL included
        if (end || next <= ' ' || next == 0x7f) {
          lineComment(p + 2);
        } else {
          sign(p);
        }
        break;
      default:
        if (end || (next <= ' ' && isSpace(next))) {
          lineComment(p + 2);
        } else {
          writer.cut();
        }
    }
  }

  /** A line comment whose text starts at {@code from}: skipped up to its line end. */
  private void lineComment(int from) {
    Rule carriageReturn = rules.carriageReturnEndsComment;
    int i = from;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (carriageReturn == Rule.YES || at(sql, i + 1) == '\n') {
          break;
        }
        if (carriageReturn == Rule.UNSURE) {
          writer.cut();
          return;
        }
      }
      i++;
    }
    pos = i;
    writer.space();
  }

  private void slash(int p) {
    char next = at(sql, p + 1);
    if (next == '*') {
      blockComment(p);
    } else if (next == '/' && rules.slashSlashComment != Rule.NO) {
      if (rules.slashSlashComment == Rule.YES) {
        lineComment(p + 2);
      } else {
        writer.cut();
      }
    } else {
      token(OTHER, p, p + 1, -1);
    }
  }

  /** A block comment opening at {@code p}: skipped, nested as the dialect nests them. */
  private void blockComment(int p) {
    if (rules.executableComments != Rule.NO
        && (at(sql, p + 2) == '!' || (at(sql, p + 2) == 'M' && at(sql, p + 3) == '!'))) {
      writer.cut(); // MySQL's /*! .. */ holds SQL the server runs
      return;
    }
    Rule nested = rules.nestedComments;
    int nesting = 1;
    int i = p + 2;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '*' && at(sql, i + 1) == '/') {
        i += 2;
        if (--nesting == 0) {
          pos = i;
          writer.space();
          return;
        }
      } else if (c == '/' && at(sql, i + 1) == '*' && nested != Rule.NO) {
        if (nested == Rule.UNSURE) {
          writer.cut();
          return;
        }
        i += 2;
        nesting++;
      } else {
        i++;
      }
    }
    writer.cut(); // never closed: the database rejects it, and nothing in it is kept
  }

  private void bracket(int p) {
    switch (rules.bracket) {
      case NAME:
        quoted(p, LiteralEnds.doubledEnd(sql, p + 1, ']'));
        return;
      case SUBSCRIPT:
        break;
      default:
        if (writer.previousKeyword() != Keywords.ARRAY && !LiteralEnds.plainBracket(sql, p)) {
          writer.cut();
          return;
        }
    }
    subscripts++;
    token(OPEN, p, p + 1, -1);
  }

  private void word(int p) {
    int e = isSurrogatePair(p) ? p + 2 : p + 1;
    while (e < n) {
      if (isIdentPart(sql.charAt(e))) {
        e++;
      } else if (isSurrogatePair(e)) {
        e += 2;
      } else {
        break;
      }
    }
    int len = e - p;
    char next = at(sql, e);
    if (next == '\'' && len <= 2) {
      char first = (char) (sql.charAt(p) | 0x20);
      if (len == 1 && first == 'e') {
        Rule escapes = rules.escapeStringPrefix;
        string(e + 1, '\'', escapes == Rule.NO ? rules.backslashEscapes : escapes);
        return;
      }
      if (len == 1 && (first == 'n' || first == 'x' || first == 'b')) {
        string(e + 1, '\'', rules.backslashEscapes);
        return;
      }
      if ((len == 1 && first == 'q')
          || (len == 2 && first == 'n' && (sql.charAt(p + 1) | 0x20) == 'q')) {
        if (rules.qQuote == Rule.YES) {
          literal(LiteralEnds.qQuoteEnd(sql, e));
          return;
        }
        if (rules.qQuote == Rule.UNSURE) {
          writer.cut();
          return;
        }
      }
    } else if (next == '&' && len == 1 && (sql.charAt(p) | 0x20) == 'u' && at(sql, e + 1) == '\'') {
      string(e + 2, '\'', rules.backslashEscapes);
      return;
    }
    token(WORD, p, e, Keywords.of(sql, p, e));
  }

  /** {@code @name}, {@code @@name} (SQL Server, MySQL variables) or {@code #tmp}: one word. */
  private void prefixedWord(int p, char prefix) {
    int e = p + 1;
    while (e < n && sql.charAt(e) == prefix) {
      e++;
    }
    if (e < n && isIdentStart(sql.charAt(e))) {
      while (e < n && isIdentPart(sql.charAt(e))) {
        e++;
      }
      token(WORD, p, e, -1);
    } else {
      token(OTHER, p, p + 1, -1);
    }
  }

  private void hash(int p) {
    switch (rules.hashComment) {
      case YES:
        lineComment(p + 1);
        break;
      case NO:
        prefixedWord(p, '#');
        break;
      default:
        writer.cut();
    }
  }

  private void dollar(int p) {
    char c = at(sql, p + 1);
    Dollar rule = rules.dollar;
    if (isDigit(c)) {
      if (rule == Dollar.TAGGED || rule == Dollar.PLAIN) {
        token(MARKER, p, LiteralEnds.digitsEnd(sql, p + 1), -1); // $1
      } else {
        literal(LiteralEnds.numberEnd(sql, p + 1)); // SQL Server money, or unknown: masked
      }
      return;
    }
    if (rule == Dollar.NONE) {
      token(OTHER, p, p + 1, -1);
      return;
    }
    int tagEnd = c == '$' ? p + 1 : LiteralEnds.dollarTagEnd(sql, p + 1);
    if (tagEnd < 0) {
      token(OTHER, p, p + 1, -1);
    } else if (rule == Dollar.UNSURE
        || tagEnd - p > LiteralEnds.MAX_DOLLAR_TAG
        || (rule == Dollar.PLAIN && tagEnd != p + 1)
        || !LiteralEnds.plainTag(sql, p + 1, tagEnd)) {
      writer.cut();
    } else {
      literal(LiteralEnds.dollarQuoteEnd(sql, p, tagEnd + 1));
    }
  }

  private void colon(int p) {
    char c = at(sql, p + 1);
    if (c == ':') {
      token(OTHER, p, p + 2, -1);
    } else if (isIdentStart(c)) {
      int e = p + 2;
      while (e < n && isIdentPart(sql.charAt(e))) {
        e++;
      }
      token(MARKER, p, e, -1);
    } else if (isDigit(c) && rules.colonNumberMarker == Rule.YES) {
      token(MARKER, p, LiteralEnds.digitsEnd(sql, p + 1), -1); // Oracle's :1
    } else {
      token(OTHER, p, p + 1, -1); // a slice's colon: the number after it is a literal
    }
  }

  /** A literal from {@link #pos} to {@code end} (exclusive), or, with no certain end, a cut. */
  private void literal(int end) {
    if (end < 0) {
      writer.cut();
    } else {
      token(LITERAL, pos, end, -1);
    }
  }

  /** A string starting at {@link #pos} whose content starts at {@code from}. */
  private void string(int from, char quote, Rule backslashEscapes) {
    literal(LiteralEnds.stringEnd(sql, from, quote, backslashEscapes));
  }

  private void quoted(int start, int end) {
    if (end < 0) {
      writer.cut();
    } else {
      token(QUOTED, start, end, -1);
    }
  }

  private boolean isSurrogatePair(int i) {
    return Character.isHighSurrogate(at(sql, i)) && Character.isLowSurrogate(at(sql, i + 1));
  }
}
