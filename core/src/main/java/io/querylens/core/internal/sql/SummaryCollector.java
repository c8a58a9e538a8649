package io.querylens.core.internal.sql;

import static io.querylens.core.internal.sql.Keywords.CALL;
import static io.querylens.core.internal.sql.Keywords.DELETE;
import static io.querylens.core.internal.sql.Keywords.DISTINCT;
import static io.querylens.core.internal.sql.Keywords.EXCEPT;
import static io.querylens.core.internal.sql.Keywords.EXEC;
import static io.querylens.core.internal.sql.Keywords.EXECUTE;
import static io.querylens.core.internal.sql.Keywords.FROM;
import static io.querylens.core.internal.sql.Keywords.HAVING;
import static io.querylens.core.internal.sql.Keywords.INSERT;
import static io.querylens.core.internal.sql.Keywords.INTERSECT;
import static io.querylens.core.internal.sql.Keywords.INTO;
import static io.querylens.core.internal.sql.Keywords.JOIN;
import static io.querylens.core.internal.sql.Keywords.LIMIT;
import static io.querylens.core.internal.sql.Keywords.MERGE;
import static io.querylens.core.internal.sql.Keywords.OFFSET;
import static io.querylens.core.internal.sql.Keywords.OUTPUT;
import static io.querylens.core.internal.sql.Keywords.RETURNING;
import static io.querylens.core.internal.sql.Keywords.SELECT;
import static io.querylens.core.internal.sql.Keywords.SET;
import static io.querylens.core.internal.sql.Keywords.TABLE;
import static io.querylens.core.internal.sql.Keywords.UNION;
import static io.querylens.core.internal.sql.Keywords.UPDATE;
import static io.querylens.core.internal.sql.Keywords.USING;
import static io.querylens.core.internal.sql.Keywords.VALUES;
import static io.querylens.core.internal.sql.Keywords.WHEN;
import static io.querylens.core.internal.sql.Keywords.WHERE;
import static io.querylens.core.internal.sql.Keywords.WITH;
import static io.querylens.core.internal.sql.TokenKind.COMMA;
import static io.querylens.core.internal.sql.TokenKind.OPEN;
import static io.querylens.core.internal.sql.TokenKind.OTHER;
import static io.querylens.core.internal.sql.TokenKind.QUOTED;
import static io.querylens.core.internal.sql.TokenKind.WORD;

import java.util.List;
import java.util.Locale;

/**
 * Reads, from the same tokens the shape text is written from, what a statement does: its operation,
 * the tables it names and the summary the OpenTelemetry database conventions call {@code
 * db.query.summary}. Names come from identifier tokens only (words and quoted names), never from
 * literals; tokens past the kept shape text (a cut, or the length limit) add nothing. What it finds
 * goes to a {@link SummaryBuilder}, which builds the tables and the summary at the end.
 *
 * <ul>
 *   <li><b>Operation</b>: the statement's first word in upper case, after leading brackets and the
 *       JDBC escape {@code {? = call ..}}; for {@code WITH}, the main statement's keyword after the
 *       common table expressions when one follows at the same level.
 *   <li><b>Tables</b>: the names after {@code FROM} (and each one after a comma in its list),
 *       {@code JOIN}, {@code INTO}, a statement's {@code UPDATE}, and the procedure after a
 *       statement's {@code CALL}, {@code EXEC} or {@code EXECUTE}; schema-qualified names whole
 *       ({@code app.owners}), quoted parts without their quotes when they are plain names ({@code
 *       "Owners"} gives {@code Owners}, {@code "song list"} stays quoted). {@code FROM} counts only
 *       in a statement or subquery, so {@code EXTRACT(YEAR FROM d)} names no table; names of the
 *       statement's common table expressions are not tables. Distinct, in order, at most {@link
 *       SummaryBuilder#MAX_TABLES}.
 *   <li><b>Summary</b>: operations and their tables in the order they appear ({@code INSERT
 *       shipping_details SELECT orders}), operations in upper case; an operation right after the
 *       same operation is written once ({@code SELECT * FROM (SELECT * FROM orders)} gives {@code
 *       SELECT orders}) and a table is not repeated within one operation. At most {@value
 *       SummaryBuilder#MAX_SUMMARY_LENGTH} characters, cut between words.
 * </ul>
 */
final class SummaryCollector {
  /** Longest leading word that is reported as an operation. */
  private static final int MAX_OPERATION_LENGTH = 24;

  /** Bracket levels that are followed: one bit each in a long. */
  private static final int MAX_LEVELS = 64;

  // operation search states
  private static final int OP_SEARCHING = 0;
  private static final int OP_IN_WITH = 1;
  private static final int OP_DONE = 2;

  /** Keywords of a main statement after {@code WITH}'s common table expressions. */
  private static final long MAIN_STATEMENTS =
      Keywords.setOf(SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, TABLE);

  /** Keywords that, first in a bracket, make it a (sub)statement whose FROM names tables. */
  private static final long STATEMENT_STARTS =
      Keywords.setOf(SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE, MERGE);

  /** Operations written to the summary where a statement or subquery starts with them. */
  private static final long WRITES = Keywords.setOf(INSERT, UPDATE, DELETE, MERGE);

  private static final long PROCEDURE_CALLS = Keywords.setOf(CALL, EXEC, EXECUTE);

  /** Keywords that end a FROM list, after which a comma separates no more tables. */
  private static final long ENDS_FROM_LIST =
      Keywords.setOf(
          WHERE,
          HAVING,
          LIMIT,
          OFFSET,
          UNION,
          EXCEPT,
          INTERSECT,
          RETURNING,
          Keywords.BY,
          SET,
          VALUES,
          SELECT,
          INTO,
          USING,
          WHEN,
          OUTPUT,
          UPDATE);

  /** Every keyword {@link #read} reacts to; the others change nothing. */
  private static final long READ_KEYWORDS =
      MAIN_STATEMENTS
          | STATEMENT_STARTS
          | PROCEDURE_CALLS
          | ENDS_FROM_LIST
          | Keywords.setOf(FROM, JOIN, INTO, WITH, SELECT);

  /** Words between a table keyword and the table: {@code JOIN LATERAL}, {@code UPDATE IGNORE}. */
  private static final String[] SKIPPED_BEFORE_TABLE = {
    "LATERAL", "ONLY", "IGNORE", "LOW_PRIORITY"
  };

  private final String sql;

  private String operation = "";
  private int operationState = OP_SEARCHING;
  private int withDepth;

  /** The previous token opened a bracket, or there was none: the next one is first at its level. */
  private boolean afterOpen = true;

  private boolean afterSemicolon;

  /**
   * The operation is known and no name is being read or expected: only keywords in {@link
   * #READ_KEYWORDS}, brackets and commas in lists can change anything.
   */
  private boolean quiet;

  // one bit per bracket level below MAX_LEVELS
  /** Levels holding a statement or subquery, where FROM, JOIN and INTO name tables. */
  private long statementLevels = 1L;

  /** Levels inside a FROM list, where a comma is followed by another table. */
  private long fromLists;

  /** Levels inside WITH's list of common table expressions. */
  private long cteLists;

  /** The level at which the next name is a table, or -1. */
  private int expectTable = -1;

  /** The level at which the next name is a common table expression's, or -1. */
  private int expectCte = -1;

  // the table name being read: sql[nameStart, nameEnd), possibly over several tokens (a.b."c")
  private int nameStart = -1;
  private int nameEnd;
  private boolean nameQuoted;
  private boolean nameAfterDot;
  private boolean nameKept;

  /** Where what is read is kept until the end. */
  private final SummaryBuilder found = new SummaryBuilder();

  SummaryCollector(String sql) {
    this.sql = sql;
  }

  /**
   * Whether a literal or marker now would change nothing, so need not be handed over: the common
   * case in long IN lists and VALUES rows.
   */
  boolean ignoresLiterals() {
    return quiet && !afterOpen && !afterSemicolon;
  }

  /**
   * The token {@code sql[start, end)} of {@code kind}, read at bracket {@code level} ({@code
   * keyword} for a word, else -1; {@code previousKeyword} likewise for the token before); {@code
   * kept} when it ends inside the kept shape text.
   */
  void token(
      int kind, int start, int end, int keyword, int previousKeyword, int level, boolean kept) {
    // The common case, kept small enough for the JIT to inline into the writer: while no name is
    // being read or expected, a token that is neither a bracket nor a keyword read here changes
    // nothing but the two flags about the token before.
    if (quiet
        && !Keywords.in(READ_KEYWORDS, keyword)
        && kind != OPEN
        && (kind != COMMA || ((fromLists | cteLists) & (1L << level)) == 0)) {
      afterOpen = false;
      afterSemicolon = kind == OTHER && sql.charAt(start) == ';';
      return;
    }
    read(kind, start, end, keyword, previousKeyword, level, kept);
    quiet = operationState == OP_DONE && nameStart < 0 && expectTable < 0 && expectCte < 0;
  }

  private void read(
      int kind, int start, int end, int keyword, int previousKeyword, int level, boolean kept) {
    boolean operationFound =
        operationState != OP_DONE && trackOperation(kind, start, end, keyword, level);
    boolean first = afterOpen;
    afterOpen = kind == OPEN;
    boolean statementStart = first || afterSemicolon || operationFound;
    afterSemicolon = kind == OTHER && sql.charAt(start) == ';';

    if (nameStart >= 0) {
      if (start == nameEnd && continuesName(kind, start)) {
        nameEnd = end;
        nameAfterDot = kind == OTHER;
        nameQuoted |= kind == QUOTED;
        nameKept &= kept;
        return;
      }
      endName();
    }
    int tableLevel = expectTable;
    int cteLevel = expectCte;
    expectTable = -1;
    expectCte = -1;
    if (level >= MAX_LEVELS) {
      return;
    }
    long bit = 1L << level;
    if ((kind == WORD && keyword < 0) || kind == QUOTED) {
      if (tableLevel == level) {
        if (kind == WORD && isOneOf(start, end, SKIPPED_BEFORE_TABLE)) {
          expectTable = level;
        } else {
          nameStart = start;
          nameEnd = end;
          nameQuoted = kind == QUOTED;
          nameAfterDot = false;
          nameKept = kept;
        }
      } else if (cteLevel == level) {
        if (kind == WORD && isWord(start, end, "RECURSIVE")) {
          expectCte = level;
        } else {
          found.addCteName(kind == QUOTED ? unquoted(start, end) : sql.substring(start, end));
        }
      }
      return;
    }
    switch (kind) {
      case WORD:
        keyword(keyword, previousKeyword, level, bit, first, statementStart, operationFound, kept);
        break;
      case OPEN:
        if (level + 1 < MAX_LEVELS) {
          long inner = bit << 1;
          cteLists &= ~inner;
          if (tableLevel == level) { // FROM (SELECT ..), FROM (a JOIN b)
            statementLevels |= inner;
            fromLists |= inner;
            expectTable = level + 1;
          } else {
            statementLevels &= ~inner;
            fromLists &= ~inner;
          }
        }
        break;
      case COMMA:
        if ((fromLists & bit) != 0) {
          expectTable = level;
        } else if ((cteLists & bit) != 0) {
          expectCte = level;
        }
        break;
      default:
    }
  }

  private void keyword(
      int keyword,
      int previousKeyword,
      int level,
      long bit,
      boolean first,
      boolean statementStart,
      boolean operationFound,
      boolean kept) {
    if (first && Keywords.in(STATEMENT_STARTS, keyword)) {
      statementLevels |= bit;
    }
    if (Keywords.in(ENDS_FROM_LIST, keyword)) {
      fromLists &= ~bit;
    }
    if ((cteLists & bit) != 0 && Keywords.in(MAIN_STATEMENTS, keyword)) {
      cteLists &= ~bit;
      statementStart = true;
    }
    if (keyword == SELECT) {
      addOperation("SELECT", kept);
    } else if (statementStart) {
      if (keyword == WITH) {
        cteLists |= bit;
        expectCte = level;
      } else if (operationFound) {
        addOperation(operation, kept);
      } else if (Keywords.in(WRITES, keyword)) {
        addOperation(Keywords.NAMES[keyword], kept);
      }
      if (keyword == UPDATE || Keywords.in(PROCEDURE_CALLS, keyword)) {
        expectTable = level;
      }
    }
    if ((keyword == FROM || keyword == JOIN || keyword == INTO)
        && (statementLevels & bit) != 0
        && !(keyword == FROM && previousKeyword == DISTINCT)) { // a IS DISTINCT FROM b
      expectTable = level;
      if (keyword == FROM) {
        fromLists |= bit;
      }
    }
  }

  /**
   * Follows the statement's operation; true when this token set it: the first word (other than
   * {@code WITH}), or the main statement's keyword after {@code WITH}.
   */
  private boolean trackOperation(int kind, int start, int end, int keyword, int level) {
    if (operationState == OP_SEARCHING) {
      char c = sql.charAt(start);
      if (kind == WORD) {
        operation = operationName(start, end, keyword);
        if (keyword == WITH) {
          operationState = OP_IN_WITH;
          withDepth = level;
          return false;
        }
        operationState = OP_DONE;
        return true;
      }
      if (!((kind == OPEN && c == '(')
          || (kind == OTHER && (c == '{' || c == '='))
          || (kind == TokenKind.MARKER && c == '?'))) {
        operationState = OP_DONE;
      }
    } else if (kind == WORD && level == withDepth && Keywords.in(MAIN_STATEMENTS, keyword)) {
      operation = Keywords.NAMES[keyword];
      operationState = OP_DONE;
      return true;
    }
    return false;
  }

  private String operationName(int start, int end, int keyword) {
    if (keyword >= 0) {
      return Keywords.NAMES[keyword];
    }
    if (end - start > MAX_OPERATION_LENGTH) {
      return "";
    }
    for (int i = start; i < end; i++) {
      char c = sql.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
        return "";
      }
    }
    return sql.substring(start, end).toUpperCase(Locale.ROOT);
  }

  /** Whether a token at {@code start} goes on with the name being read: {@code .} then a name. */
  private boolean continuesName(int kind, int start) {
    if (nameAfterDot) {
      return kind == WORD || kind == QUOTED;
    }
    return kind == OTHER && sql.charAt(start) == '.';
  }

  private void endName() {
    int start = nameStart;
    int end = nameAfterDot ? nameEnd - 1 : nameEnd;
    nameStart = -1;
    if (nameKept) {
      if (nameQuoted) {
        found.addTable(unquoted(start, end));
      } else {
        found.addTable(sql, start, end);
      }
    }
  }

  /**
   * The name {@code sql[start, end)}, of words, quoted names and dots, with each quoted part that
   * is a plain name (letters, digits, {@code _}, {@code $}, not starting with a digit) written
   * without its quotes; other quoted parts stay as written.
   */
  private String unquoted(int start, int end) {
    StringBuilder b = new StringBuilder(end - start);
    int i = start;
    while (i < end) {
      char c = sql.charAt(i);
      if (c == '"' || c == '`' || c == '[') {
        int close = LiteralEnds.doubledEnd(sql, i + 1, c == '[' ? ']' : c);
        if (close < 0 || close > end) {
          close = end; // cannot happen: the lexer found this quoted name's end
        }
        if (isPlainName(i + 1, close - 1)) {
          b.append(sql, i + 1, close - 1);
        } else {
          b.append(sql, i, close);
        }
        i = close;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }

  private boolean isPlainName(int start, int end) {
    if (start >= end || SqlChars.isDigit(sql.charAt(start))) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = sql.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return false;
      }
    }
    return true;
  }

  private boolean isWord(int start, int end, String upperCase) {
    return end - start == upperCase.length()
        && sql.regionMatches(true, start, upperCase, 0, upperCase.length());
  }

  private boolean isOneOf(int start, int end, String[] upperCase) {
    for (String word : upperCase) {
      if (isWord(start, end, word)) {
        return true;
      }
    }
    return false;
  }

  private void addOperation(String op, boolean kept) {
    if (kept) {
      found.addOperation(op);
    }
  }

  /** At the end of the input, or where the text was cut: a name being read ends there. */
  void finish() {
    if (nameStart >= 0) {
      endName();
    }
  }

  /** The operation: {@code ""} when the statement does not start with a plain word. */
  String operation() {
    return operation;
  }

  /** The tables, none when there is no operation. */
  List<String> tables() {
    return operation.isEmpty() ? List.of() : found.tables();
  }

  /** The summary: the operation alone when nothing else was read, {@code ""} without one. */
  String summary() {
    return operation.isEmpty() ? "" : found.summary(operation);
  }
}
