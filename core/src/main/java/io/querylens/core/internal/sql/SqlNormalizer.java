package io.querylens.core.internal.sql;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;

/**
 * Turns SQL text into its query shape in one pass over the characters: the shape text (literals as
 * {@code ?}, lists collapsed, comments dropped, whitespace folded), and from the same tokens the
 * statement's operation, tables and summary. Internal API: not for use outside QueryLens.
 *
 * <p>The work is split by job, each class package-private:
 *
 * <ul>
 *   <li>{@link SqlLexer} reads the characters as the dialect's {@link DialectRules} say, with
 *       {@link LiteralEnds} finding where each literal, quoted name and bracket ends, and hands
 *       tokens (kinds in {@link TokenKind}, keywords in {@link Keywords}) to
 *   <li>{@link ShapeWriter}, which writes the text, with {@link ListCollapser} dropping repeated
 *       list elements, and passes the tokens on to
 *   <li>{@link SummaryCollector}, which reads the operation, tables and summary from them and keeps
 *       what it finds in a {@link SummaryBuilder}.
 * </ul>
 *
 * <p>Any input of length n costs O(n) time (no regular expressions, no recursion, bounded
 * look-ahead) and never throws. The rules, in the order a reader will ask about them:
 *
 * <ul>
 *   <li><b>Literals become {@code ?}</b>: {@code '..'} strings, with the prefixes {@code E N X B
 *       U&} (any case) swallowed; Oracle {@code q'[..]'} / {@code nq'..'}; PostgreSQL {@code
 *       $$..$$} and {@code $tag$..$tag$}; numbers with digit separators, decimals, exponents,
 *       {@code 0x}/{@code 0b}/{@code 0o} forms. A {@code +}/{@code -} sign joins the number only
 *       where an operand is expected: {@code a = -1} gives {@code a = ?}, {@code a-1} gives {@code
 *       a-?}. Typed literals keep their type word: {@code DATE '2024-01-01'} gives {@code DATE ?}.
 *       Which quotes make strings, and whether backslashes escape, follow the dialect.
 *   <li><b>Stay as written</b>: identifiers, keywords in their original case, quoted identifiers,
 *       and parameter markers {@code ?}, {@code ?1}, {@code $1}, {@code :name}, {@code :1}, {@code
 *       @var}.
 *   <li><b>Lists collapse</b> ({@link ListCollapser}): {@code IN (1, 2, 3)} gives {@code IN (?)},
 *       equal VALUES rows give one.
 *   <li><b>Comments go</b> and whitespace folds into one space; the result is trimmed. No other
 *       spacing changes: {@code a=?} and {@code a = ?} are different shapes.
 *   <li><b>Unsure means cut</b>: where the dialect's rules are unsure, or a character cannot be
 *       classified, the shape ends there with {@link #TRUNCATION_MARKER} ({@code
 *       docs/sql-dialects.md}).
 *   <li><b>Length</b>: a shape longer than {@link #MAX_TEXT_LENGTH} characters is cut there (never
 *       inside a surrogate pair) and ends with {@link #TRUNCATION_MARKER}.
 * </ul>
 */
public final class SqlNormalizer {
  /** The longest shape text kept before the {@link #TRUNCATION_MARKER}. */
  public static final int MAX_TEXT_LENGTH = 32 * 1024;

  /** Appended to a shape text that was cut at {@link #MAX_TEXT_LENGTH}. */
  public static final String TRUNCATION_MARKER = "\u2026";

  private SqlNormalizer() {}

  /**
   * The query shape of {@code sql} as {@code dialect} reads it, in one pass, with a new instance
   * each call ({@link ShapeCache} shares them); {@code null} reads as {@code ""}. Never throws.
   *
   * <ul>
   *   <li>text: literals as {@code ?}, lists collapsed, comments dropped, whitespace folded and
   *       trimmed, at most {@link #MAX_TEXT_LENGTH} characters plus the {@link #TRUNCATION_MARKER};
   *   <li>operation: the statement's first word in upper case ({@code SELECT}, {@code INSERT},
   *       {@code CALL}, {@code EXPLAIN}, ...), after leading comments and brackets ({@code (}, and
   *       the JDBC escape {@code {? = call ..}}). For {@code WITH} it is the main statement's
   *       keyword after the common table expressions ({@code SELECT}, {@code INSERT}, {@code
   *       UPDATE}, {@code DELETE}, {@code MERGE}, {@code VALUES}, {@code TABLE}) when one follows
   *       at the same level, else {@code WITH}. {@code ""} when the statement starts with anything
   *       else or the word is not a plain ASCII word of at most 24 letters;
   *   <li>tables and summary: as {@link SummaryCollector} reads them, from the kept text only;
   *   <li>fingerprint: the {@link Fingerprint} of the text.
   * </ul>
   */
  public static QueryShape shape(String sql, SqlDialect dialect) {
    String s = sql == null ? "" : sql;
    SummaryCollector summary = new SummaryCollector(s);
    ShapeWriter writer = new ShapeWriter(s, summary);
    new SqlLexer(s, DialectRules.of(dialect), writer).run();
    writer.finish();
    summary.finish();
    String text = writer.text();
    return new QueryShape(
        Fingerprint.of(text), text, summary.operation(), summary.tables(), summary.summary());
  }
}
