package io.querylens.core.internal.sql;

import static io.querylens.core.internal.sql.TokenKind.CLOSE;
import static io.querylens.core.internal.sql.TokenKind.COMMA;
import static io.querylens.core.internal.sql.TokenKind.LITERAL;
import static io.querylens.core.internal.sql.TokenKind.MARKER;
import static io.querylens.core.internal.sql.TokenKind.OPEN;
import static io.querylens.core.internal.sql.TokenKind.OTHER;
import static io.querylens.core.internal.sql.TokenKind.WORD;

/**
 * Writes the shape text from {@link SqlLexer}'s tokens: literals as {@code ?}, every run of
 * whitespace and comments as one space, lists collapsed by {@link ListCollapser}; and hands each
 * token on to the {@link SummaryCollector}. Tracks bracket depth, the only structure both need.
 *
 * <p>Writing stops at twice {@link SqlNormalizer#MAX_TEXT_LENGTH} (the rest could only be cut off);
 * a {@link #cut()} stops it where the lexer cannot read on with certainty.
 */
final class ShapeWriter {
  /** Writing stops once this much text exists; the rest could only be cut off. */
  private static final int STOP_LENGTH = 2 * SqlNormalizer.MAX_TEXT_LENGTH;

  private final String sql;
  private final StringBuilder out;
  private final ListCollapser lists;
  private final SummaryCollector summary;

  private boolean pendingSpace;
  private boolean stopped;

  /** Open '(' and '[' together. */
  private int depth;

  /** Keyword of the previous token when it was a word, else -1. */
  private int previousKeyword = -1;

  ShapeWriter(String sql, SummaryCollector summary) {
    this.sql = sql;
    this.out = new StringBuilder(Math.min(sql.length(), 256) + 16);
    this.lists = new ListCollapser(out);
    this.summary = summary;
  }

  /** Whether nothing more is written: the text is long enough, or it was cut. */
  boolean stopped() {
    return stopped;
  }

  /** The keyword of the previous token when it was a word, else -1. */
  int previousKeyword() {
    return previousKeyword;
  }

  /** Whitespace or a comment: one space before the next token. */
  void space() {
    pendingSpace = true;
  }

  /**
   * Fail closed: what follows cannot be classified with certainty, so none of it is kept; the shape
   * ends with the {@link SqlNormalizer#TRUNCATION_MARKER}.
   */
  void cut() {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(SqlNormalizer.TRUNCATION_MARKER);
    stopped = true;
  }

  /** The token {@code sql[start, end)} of {@code kind} ({@code keyword} for a word, else -1). */
  void token(int kind, int start, int end, int keyword) {
    if (kind == CLOSE && depth == 0) {
      kind = OTHER;
    }
    int level = depth;
    lists.beforeToken(kind, keyword, level);
    if (kind == CLOSE) {
      level = --depth;
    }
    StringBuilder o = out;
    if (pendingSpace && o.length() > 0) {
      o.append(' ');
    }
    if (kind != CLOSE && kind != COMMA) {
      lists.markElementStart(level);
    }
    if (kind == LITERAL
        || (kind == MARKER && (sql.charAt(start) == '?' || lists.markersAsQuestionMark(level)))) {
      o.append('?');
    } else {
      append(start, end);
    }
    pendingSpace = false;

    if (kind == OPEN) {
      lists.open(level, sql.charAt(start), previousKeyword);
      depth++;
    } else if (kind == WORD && keyword == Keywords.VALUES) {
      lists.values(level);
    }
    if ((kind != LITERAL && kind != MARKER) || !summary.ignoresLiterals()) {
      summary.token(
          kind,
          start,
          end,
          keyword,
          previousKeyword,
          level,
          o.length() <= SqlNormalizer.MAX_TEXT_LENGTH);
    }
    previousKeyword = kind == WORD ? keyword : -1;
    if (o.length() >= STOP_LENGTH) {
      stopped = true;
    }
  }

  /** At the end of the input: lists still open end there. */
  void finish() {
    if (!stopped) {
      lists.closeAll(depth);
    }
  }

  /**
   * The text, at most {@link SqlNormalizer#MAX_TEXT_LENGTH} characters (never cut inside a
   * surrogate pair) plus the {@link SqlNormalizer#TRUNCATION_MARKER} when longer.
   */
  String text() {
    if (out.length() > SqlNormalizer.MAX_TEXT_LENGTH) {
      int cut = SqlNormalizer.MAX_TEXT_LENGTH;
      if (Character.isHighSurrogate(out.charAt(cut - 1))) {
        cut--;
      }
      out.setLength(cut);
      out.append(SqlNormalizer.TRUNCATION_MARKER);
    }
    return out.toString();
  }

  private void append(int start, int end) {
    int room = STOP_LENGTH - out.length();
    if (end - start > room) {
      out.append(sql, start, start + room);
      stopped = true;
    } else {
      out.append(sql, start, end);
    }
  }
}
