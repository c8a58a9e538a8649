package io.querylens.core.internal.detectors;

import io.querylens.core.Detector;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitExecution;
import java.util.Locale;

/**
 * {@code unbounded-result}: a read of a table that the application read to its end ({@code next()}
 * returned false), that returned more than {@code querylens.unbounded-result.rows} rows, and whose
 * SQL has no row limit. Its rows grow with the data: fine on a developer's database, a slow page
 * and a full heap in production.
 *
 * <p>A row limit is any of, anywhere in the statement (a limit in a subquery counts too: QueryLens
 * does not judge whether it bounds the outer result, and would rather miss a finding than call a
 * limited query unlimited):
 *
 * <ul>
 *   <li>{@code LIMIT n} (PostgreSQL, MySQL/MariaDB, H2, SQLite, HSQLDB, Db2), {@code LIMIT m, n}
 *       (MySQL/MariaDB); not {@code LIMIT ALL} or {@code LIMIT NULL} (PostgreSQL: no limit);
 *   <li>{@code FETCH FIRST|NEXT ...} (the standard: PostgreSQL, H2, Oracle 12c+, SQL Server after
 *       {@code OFFSET ... ROWS}, Db2, Derby, MariaDB 10.6+);
 *   <li>{@code SELECT [DISTINCT|ALL] TOP n} or {@code TOP (n)} (SQL Server, H2); not {@code TOP n
 *       PERCENT}, which grows with the data;
 *   <li>a comparison with {@code ROWNUM} ({@code ROWNUM <= n}, {@code n >= ROWNUM}; Oracle, and
 *       H2's {@code ROWNUM()}).
 * </ul>
 *
 * <p>{@code OFFSET} alone skips rows but does not bound them. Pagination through a window function
 * ({@code ROW_NUMBER() OVER (...)} filtered outside) is not recognised. A shape cut by the
 * normaliser (it ends with {@code …}) may hide a limit in the cut part, so it is never judged.
 *
 * <p><b>Cost.</b> Per execution, three comparisons; the SQL is read only for an execution that read
 * more than the threshold's rows to the end, which costs far more than reading its text.
 */
final class UnboundedResultDetector implements Detector {
  /** Ends a shape text the normaliser cut (SqlNormalizer.TRUNCATION_MARKER). */
  private static final String CUT = "\u2026";

  private final long rows;

  /**
   * @param rows the most rows a read of a table may return whole without a row limit
   */
  UnboundedResultDetector(long rows) {
    this.rows = rows;
  }

  @Override
  public void onExecution(UnitExecution e) {
    if (!e.readWhole() || e.rows() <= rows || e.failed()) {
      return;
    }
    if (!e.isRead() || !e.isDataAccess()) {
      return; // VALUES and other reads of no table, CALL returning a cursor
    }
    String sql = e.shape().text();
    if (sql.endsWith(CUT) || hasRowLimit(sql)) {
      return;
    }
    e.raise(
        FindingKind.UNBOUNDED_RESULT,
        0,
        null,
        e.rows() + " rows read to the end, with no row limit in the SQL");
  }

  /** Whether {@code sql} (a shape's text) has a row limit anywhere; see the class comment. */
  static boolean hasRowLimit(String sql) {
    Tokens t = new Tokens(sql);
    String previous = "";
    String beforePrevious = "";
    for (String token = t.next(); token != null; token = t.next()) {
      switch (token) {
        case "limit":
          String count = t.peek();
          if (isCount(count) && !"all".equals(count) && !"null".equals(count)) {
            return true;
          }
          break;
        case "fetch":
          String which = t.peek();
          if ("first".equals(which) || "next".equals(which)) {
            return true;
          }
          break;
        case "top":
          if (afterSelect(previous, beforePrevious) && topBoundsRows(t)) {
            return true;
          }
          break;
        case "rownum":
          if (isComparison(previous) || comparedAfterRownum(t)) {
            return true;
          }
          break;
        default:
          break;
      }
      beforePrevious = previous;
      previous = token;
    }
    return false;
  }

  /** Whether {@code token} can be a row count: a marker, a number, or a bracketed expression. */
  private static boolean isCount(String token) {
    if (token == null || token.isEmpty()) {
      return false;
    }
    char c = token.charAt(0);
    return c == '?' || c == '(' || c == '$' || c == ':' || Character.isDigit(c);
  }

  private static boolean afterSelect(String previous, String beforePrevious) {
    return "select".equals(previous)
        || (("distinct".equals(previous) || "all".equals(previous))
            && "select".equals(beforePrevious));
  }

  /** After {@code top}: a count, not followed by {@code percent}. Consumes nothing it needs. */
  private static boolean topBoundsRows(Tokens t) {
    String count = t.peek();
    if (!isCount(count)) {
      return false; // a column named top
    }
    t.next();
    if ("(".equals(count)) {
      t.skipBracket();
    }
    return !"percent".equals(t.peek());
  }

  /** After {@code rownum} (or H2's {@code rownum()}): a comparison operator follows. */
  private static boolean comparedAfterRownum(Tokens t) {
    String next = t.peek();
    if ("(".equals(next)) {
      t.next();
      if (!")".equals(t.peek())) {
        return false;
      }
      t.next();
      next = t.peek();
    }
    return "<".equals(next) || "<=".equals(next) || "=".equals(next);
  }

  private static boolean isComparison(String token) {
    return ">".equals(token) || ">=".equals(token) || "=".equals(token);
  }

  /**
   * The tokens of a shape's text, lower case: words, numbers, parameter markers, comparison
   * operators and brackets; quoted names ({@code "..."}, {@code `...`}, {@code [...]}) and any
   * string left are skipped whole, so a column named {@code "limit"} is never a keyword.
   */
  private static final class Tokens {
    private final String s;
    private int pos;
    private String peeked;

    Tokens(String sql) {
      this.s = sql;
    }

    String peek() {
      if (peeked == null) {
        peeked = read();
      }
      return peeked;
    }

    String next() {
      String t = peek();
      peeked = null;
      return t;
    }

    /** Skips to the bracket that closes the one just read. */
    void skipBracket() {
      int depth = 1;
      for (String t = next(); t != null && depth > 0; t = depth > 0 ? next() : null) {
        if ("(".equals(t)) {
          depth++;
        } else if (")".equals(t)) {
          depth--;
        }
      }
    }

    private String read() {
      int n = s.length();
      while (pos < n) {
        char c = s.charAt(pos);
        if (Character.isWhitespace(c)) {
          pos++;
        } else if (c == '"' || c == '`' || c == '\'' || c == '[') {
          char close = c == '[' ? ']' : c;
          int end = s.indexOf(close, pos + 1);
          pos = end < 0 ? n : end + 1;
        } else if (isWordPart(c) || c == '$' || c == ':') {
          int start = pos++;
          while (pos < n && isWordPart(s.charAt(pos))) {
            pos++;
          }
          return s.substring(start, pos).toLowerCase(Locale.ROOT);
        } else if ((c == '<' || c == '>' || c == '!') && pos + 1 < n && isOperatorEnd(s, pos)) {
          pos += 2;
          return s.substring(pos - 2, pos); // <=, >=, <>, !=
        } else {
          pos++;
          return String.valueOf(c);
        }
      }
      return null;
    }

    private static boolean isOperatorEnd(String s, int at) {
      char next = s.charAt(at + 1);
      return next == '=' || (s.charAt(at) == '<' && next == '>');
    }

    private static boolean isWordPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
  }
}
