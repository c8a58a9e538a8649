package io.querylens.core.internal.sql;

import io.querylens.core.QueryShape;
import io.querylens.core.internal.sql.SqlDialect.Dollar;
import io.querylens.core.internal.sql.SqlDialect.Rule;
import java.util.Locale;

/**
 * Turns SQL text into its query shape: literals become {@code ?}, IN-lists and multi-row VALUES
 * collapse, comments go and whitespace folds. Internal API: not for use outside QueryLens, may
 * change without notice.
 *
 * <p>One pass over the characters with a constant amount of state per character (no regular
 * expressions, no recursion, bounded tables), so any input of length n costs O(n) time and never
 * throws. The rules, in the order a reader will ask about them:
 *
 * <ul>
 *   <li><b>Literals become {@code ?}</b>: {@code '..'} strings (doubled {@code ''} and MySQL
 *       backslash escapes), with the prefixes {@code E N X B U&} (any case) swallowed; Oracle
 *       {@code q'[..]'} / {@code nq'..'} with the brackets {@code [] {} () <>} or any other
 *       delimiter character; PostgreSQL {@code $$..$$} and {@code $tag$..$tag$} (tags up to 64
 *       characters); numbers with digit separators, decimals, exponents, {@code 0x}/{@code 0b}/
 *       {@code 0o} forms. A {@code +}/{@code -} sign joins the number only where an operand is
 *       expected (at the start, after an operator, {@code (}, {@code ,} or a keyword such as {@code
 *       SELECT}, {@code WHERE}, {@code AND}): {@code a = -1} gives {@code a = ?}, {@code a-1} gives
 *       {@code a-?}. A literal that never ends masks everything up to the end of the input. Typed
 *       literals keep their type word: {@code DATE '2024-01-01'} gives {@code DATE ?}.
 *   <li><b>Stay as written</b>: identifiers (also with digits: {@code t1}, {@code col_2}), keywords
 *       in their original case, quoted identifiers {@code "c"}, {@code `c`} and {@code [c]} (a
 *       {@code [} is a SQL Server identifier only where an operand is expected and no array
 *       subscript is open; elsewhere it is a subscript, so {@code arr[1]} gives {@code arr[?]}),
 *       and parameter markers {@code ?}, {@code ?1}, {@code $1}, {@code :name}, {@code :1},
 *       {@code @var}. An unterminated quoted identifier is masked like a literal.
 *   <li><b>Lists collapse</b>: inside {@code IN (..)}, {@code ARRAY[..]} and the rows of {@code
 *       VALUES (..), (..)} (also MySQL {@code ROW(..)} rows), an element equal to the element
 *       before it is dropped together with its comma, so {@code IN (1, 2, 3)} gives {@code IN (?)}
 *       and three rows give one. Inside such lists every parameter marker ({@code $3}, {@code :id},
 *       {@code ?2}) is written as {@code ?}, so lists of any length and numbering share one shape;
 *       subqueries ({@code IN (SELECT ..)}) are left alone. Lists nested deeper than 64 brackets
 *       are not collapsed.
 *   <li><b>Comments go</b>: {@code -- ..} to the end of the line; <code>/* .. *&#47;</code>, nested
 *       as in PostgreSQL and SQL Server, unterminated ones running to the end; {@code #} only when
 *       followed by whitespace (a MySQL comment). Any other {@code #} is kept: it is an operator in
 *       PostgreSQL ({@code #>>}) and starts a temporary table name in SQL Server ({@code #tmp}).
 *   <li><b>Whitespace</b> (and each comment) folds into one space; the result is trimmed. No other
 *       spacing changes: {@code a=?} and {@code a = ?} are different shapes.
 *   <li><b>Length</b>: a shape longer than {@link #MAX_TEXT_LENGTH} characters is cut there (never
 *       inside a surrogate pair) and ends with {@link #TRUNCATION_MARKER}.
 * </ul>
 *
 * <p>Known limits, chosen on purpose: double quotes are identifiers, so MySQL's {@code "text"}
 * strings stay visible; backslash escapes apply to every string, so a standard-conforming string
 * that ends in a backslash ({@code 'C:\'}) runs on to the next quote; a number glued to letters
 * masks only the number ({@code 2fa} gives {@code ?fa}); type modifiers are numbers too ({@code
 * varchar(?)}).
 */
public final class SqlNormalizer {
  /** The longest shape text kept before the {@link #TRUNCATION_MARKER}. */
  public static final int MAX_TEXT_LENGTH = 32 * 1024;

  /** Appended to a shape text that was cut at {@link #MAX_TEXT_LENGTH}. */
  public static final String TRUNCATION_MARKER = "\u2026";

  /** Scanning stops once this much output exists; the rest could only be cut off. */
  private static final int STOP_LENGTH = 2 * MAX_TEXT_LENGTH;

  /** Bracket levels that get list tracking; deeper lists are kept as they are. */
  private static final int MAX_TRACKED_DEPTH = 64;

  /**
   * Longest dollar-quote tag followed: PostgreSQL takes longer ones, but they cut the shape, which
   * keeps the search for the closing tag linear.
   */
  private static final int MAX_DOLLAR_TAG = 64;

  /** How far a '[' looks for its ']' when the dialect is unsure what the brackets hold. */
  private static final int MAX_BRACKET_LOOKAHEAD = 256;

  /** Longest leading word that is reported as an operation. */
  private static final int MAX_OPERATION_LENGTH = 24;

  // token kinds
  private static final int WORD = 0;
  private static final int LITERAL = 1;
  private static final int MARKER = 2;
  private static final int QUOTED = 3;
  private static final int OPEN = 4;
  private static final int CLOSE = 5;
  private static final int COMMA = 6;
  private static final int OTHER = 7;

  // list kinds per bracket level
  private static final byte NO_LIST = 0;
  private static final byte ELEMENT_LIST = 1;
  private static final byte VALUES_LIST = 2;

  // operation search states
  private static final int OP_SEARCHING = 0;
  private static final int OP_IN_WITH = 1;
  private static final int OP_DONE = 2;

  /*
   * Keywords the scanner reacts to. The first entries have fixed indexes; every keyword in the
   * table except ARRAY and ROW is followed by an operand (so a sign after it is unary).
   */
  private static final String[] KEYWORDS =
      ("IN ARRAY ROW VALUES SELECT WITH TABLE INSERT UPDATE DELETE MERGE CALL FROM WHERE AND OR NOT"
              + " ON WHEN THEN ELSE CASE BETWEEN LIKE ILIKE HAVING LIMIT OFFSET TOP RETURN RETURNING"
              + " DISTINCT ALL ANY SOME INTERVAL SET JOIN INTO BY AS IS EXEC EXECUTE USING DO ESCAPE"
              + " DEFAULT VIEW INDEX EXISTS UNION EXCEPT INTERSECT REGEXP SIMILAR OUTPUT")
          .split(" ");
  private static final int KW_IN = 0;
  private static final int KW_ARRAY = 1;
  private static final int KW_ROW = 2;
  private static final int KW_VALUES = 3;
  private static final int KW_SELECT = 4;
  private static final int KW_WITH = 5;
  private static final int KW_TABLE = 6;
  private static final int KW_INSERT = 7;
  private static final int KW_UPDATE = 8;
  private static final int KW_DELETE = 9;
  private static final int KW_MERGE = 10;

  /** KEYWORDS indexes grouped by keyword length, for a cheap case-insensitive lookup. */
  private static final int[][] KEYWORDS_BY_LENGTH = new int[11][];

  static {
    for (int len = 0; len < KEYWORDS_BY_LENGTH.length; len++) {
      int count = 0;
      for (String k : KEYWORDS) {
        if (k.length() == len) {
          count++;
        }
      }
      int[] ids = new int[count];
      count = 0;
      for (int i = 0; i < KEYWORDS.length; i++) {
        if (KEYWORDS[i].length() == len) {
          ids[count++] = i;
        }
      }
      KEYWORDS_BY_LENGTH[len] = ids;
    }
  }

  private final String sql;
  private final int n;
  private final SqlDialect dialect;
  private final StringBuilder out;

  private int pos;
  private boolean pendingSpace;
  private boolean stopped;

  /** True where the next token starts an operand (a sign there is unary, a '[' quotes a name). */
  private boolean operandExpected = true;

  /** Open '(' and '[' together. */
  private int depth;

  /** Open subscript and array '[' brackets, so that ']' closes one only while one is open. */
  private int subscripts;

  /** Keyword index of the previous token when it was a word, else -1. */
  private int previousKeyword = -1;

  // per bracket level (index = depth), for levels below MAX_TRACKED_DEPTH
  private final byte[] listKind = new byte[MAX_TRACKED_DEPTH];
  private final boolean[] awaitingElement = new boolean[MAX_TRACKED_DEPTH];
  private final int[] elementStart = new int[MAX_TRACKED_DEPTH];
  private final boolean[] hasPrevious = new boolean[MAX_TRACKED_DEPTH];
  private final int[] previousStart = new int[MAX_TRACKED_DEPTH];
  private final int[] previousEnd = new int[MAX_TRACKED_DEPTH];
  private final boolean[] firstAtLevel = new boolean[MAX_TRACKED_DEPTH];
  private final boolean[] markersAsQuestionMark = new boolean[MAX_TRACKED_DEPTH];

  private String operation = "";
  private int operationState = OP_SEARCHING;
  private int withDepth;

  private SqlNormalizer(String sql, SqlDialect dialect) {
    this.sql = sql;
    this.n = sql.length();
    this.dialect = dialect;
    this.out = new StringBuilder(Math.min(n, 256) + 16);
  }

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
   *   <li>fingerprint: the {@link Fingerprint} of the text.
   * </ul>
   */
  public static QueryShape shape(String sql, SqlDialect dialect) {
    SqlNormalizer scan = new SqlNormalizer(sql == null ? "" : sql, dialect);
    scan.run();
    String text = scan.text();
    return new QueryShape(Fingerprint.of(text), text, scan.operation);
  }

  private String text() {
    if (out.length() > MAX_TEXT_LENGTH) {
      int cut = MAX_TEXT_LENGTH;
      if (Character.isHighSurrogate(out.charAt(cut - 1))) {
        cut--;
      }
      out.setLength(cut);
      out.append(TRUNCATION_MARKER);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // scanning

  private void run() {
    final String s = sql;
    while (pos < n && !stopped) {
      int p = pos;
      char c = s.charAt(p);
      if (c <= ' ') {
        if (isSpace(c)) {
          pendingSpace = true;
          pos = p + 1;
        } else {
          cut(); // NUL and other control characters: nothing a lexer should guess about
        }
        continue;
      }
      switch (c) {
        case '\'':
          string(p + 1, '\'', dialect.backslashEscapes);
          break;
        case '"':
          if (dialect.doubleQuoteString == Rule.NO) {
            quoted(p, doubledEnd(p + 1, '"'));
          } else {
            string(p + 1, '"', dialect.backslashEscapes);
          }
          break;
        case '`':
          if (dialect.backtickName == Rule.YES) {
            quoted(p, doubledEnd(p + 1, '`'));
          } else {
            literal(doubledEnd(p + 1, '`'));
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
          if (at(p + 1) == '-') {
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
          if (operandExpected && isDigit(at(p + 1))) {
            literal(numberEnd(p));
          } else {
            token(OTHER, p, p + 1, -1);
          }
          break;
        case '$':
          dollar(p);
          break;
        case '?':
          token(MARKER, p, digitsEnd(p + 1), -1); // written as '?': ?1 numbers mean nothing
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
            literal(numberEnd(p));
          } else if (isIdentStart(c) || isSurrogatePair(p)) {
            word(p);
          } else if (c >= 0x80 && isSpace(c)) {
            pendingSpace = true;
            pos = p + 1;
          } else if (c >= 0x7f && c <= 0x9f || Character.isSurrogate(c)) {
            cut(); // DEL, C1 controls, a surrogate without its pair
          } else {
            token(OTHER, p, p + 1, -1);
          }
      }
    }
    if (!stopped) {
      // lists still open at the end (VALUES rows at the end of a statement): close them
      for (int level = Math.min(depth, MAX_TRACKED_DEPTH - 1); level >= 0; level--) {
        if (listKind[level] != NO_LIST) {
          finishElement(level);
        }
      }
    }
  }

  /** The character at {@code i}, or NUL past the end. */
  private char at(int i) {
    return i < n ? sql.charAt(i) : '\0';
  }

  /**
   * Fail closed: what follows cannot be classified with certainty, so none of it is kept; the shape
   * ends with the {@link #TRUNCATION_MARKER}.
   */
  private void cut() {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(TRUNCATION_MARKER);
    stopped = true;
  }

  private void sign(int p) {
    char next = at(p + 1);
    if (operandExpected && (isDigit(next) || (next == '.' && isDigit(at(p + 2))))) {
      literal(numberEnd(p + 1));
    } else {
      token(OTHER, p, p + 1, -1);
    }
  }

  /** {@code --} at {@code p}: a comment, two minus signs, or unsure. */
  private void dashes(int p) {
    char next = at(p + 2);
    boolean end = p + 2 >= n;
    switch (dialect.dash) {
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
          cut();
        }
    }
  }

  /** A line comment whose text starts at {@code from}: skipped up to its line end. */
  private void lineComment(int from) {
    Rule carriageReturn = dialect.carriageReturnEndsComment;
    int i = from;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (carriageReturn == Rule.YES || at(i + 1) == '\n') {
          break;
        }
        if (carriageReturn == Rule.UNSURE) {
          cut();
          return;
        }
      }
      i++;
    }
    pos = i;
    pendingSpace = true;
  }

  private void slash(int p) {
    char next = at(p + 1);
    if (next == '*') {
      blockComment(p);
    } else if (next == '/' && dialect.slashSlashComment != Rule.NO) {
      if (dialect.slashSlashComment == Rule.YES) {
        lineComment(p + 2);
      } else {
        cut();
      }
    } else {
      token(OTHER, p, p + 1, -1);
    }
  }

  /** A block comment opening at {@code p}: skipped, nested as the dialect nests them. */
  private void blockComment(int p) {
    if (dialect.executableComments != Rule.NO
        && (at(p + 2) == '!' || (at(p + 2) == 'M' && at(p + 3) == '!'))) {
      cut(); // MySQL's /*! .. */ holds SQL the server runs
      return;
    }
    Rule nested = dialect.nestedComments;
    int nesting = 1;
    int i = p + 2;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '*' && at(i + 1) == '/') {
        i += 2;
        if (--nesting == 0) {
          pos = i;
          pendingSpace = true;
          return;
        }
      } else if (c == '/' && at(i + 1) == '*' && nested != Rule.NO) {
        if (nested == Rule.UNSURE) {
          cut();
          return;
        }
        i += 2;
        nesting++;
      } else {
        i++;
      }
    }
    cut(); // never closed: the database rejects it, and nothing in it is kept
  }

  private void bracket(int p) {
    switch (dialect.bracket) {
      case NAME:
        quoted(p, doubledEnd(p + 1, ']'));
        return;
      case SUBSCRIPT:
        break;
      default:
        if (previousKeyword != KW_ARRAY && !plainBracket(p)) {
          cut();
          return;
        }
    }
    subscripts++;
    token(OPEN, p, p + 1, -1);
  }

  /**
   * Whether the {@code [..]} at {@code p} reads the same as a quoted name and as a subscript: its
   * first {@code ]} comes soon and nothing before it opens a string or a comment.
   */
  private boolean plainBracket(int p) {
    int limit = Math.min(n, p + 1 + MAX_BRACKET_LOOKAHEAD);
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
          char next = at(i + 1);
          if (next == c || next == '*') {
            return false;
          }
          break;
        default:
      }
    }
    return false;
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
    char next = at(e);
    if (next == '\'' && len <= 2) {
      char first = (char) (sql.charAt(p) | 0x20);
      if (len == 1 && first == 'e') {
        Rule escapes = dialect.escapeStringPrefix;
        string(e + 1, '\'', escapes == Rule.NO ? dialect.backslashEscapes : escapes);
        return;
      }
      if (len == 1 && (first == 'n' || first == 'x' || first == 'b')) {
        string(e + 1, '\'', dialect.backslashEscapes);
        return;
      }
      if ((len == 1 && first == 'q')
          || (len == 2 && first == 'n' && (sql.charAt(p + 1) | 0x20) == 'q')) {
        if (dialect.qQuote == Rule.YES) {
          literal(qQuoteEnd(e));
          return;
        }
        if (dialect.qQuote == Rule.UNSURE) {
          cut();
          return;
        }
      }
    } else if (next == '&' && len == 1 && (sql.charAt(p) | 0x20) == 'u' && at(e + 1) == '\'') {
      string(e + 2, '\'', dialect.backslashEscapes);
      return;
    }
    token(WORD, p, e, keyword(p, e));
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
    switch (dialect.hashComment) {
      case YES:
        lineComment(p + 1);
        break;
      case NO:
        prefixedWord(p, '#');
        break;
      default:
        cut();
    }
  }

  private void dollar(int p) {
    char c = at(p + 1);
    Dollar rule = dialect.dollar;
    if (isDigit(c)) {
      if (rule == Dollar.TAGGED || rule == Dollar.PLAIN) {
        token(MARKER, p, digitsEnd(p + 1), -1); // $1
      } else {
        literal(numberEnd(p + 1)); // SQL Server money, or unknown: masked
      }
      return;
    }
    if (rule == Dollar.NONE) {
      token(OTHER, p, p + 1, -1);
      return;
    }
    int tagEnd = c == '$' ? p + 1 : dollarTagEnd(p + 1);
    if (tagEnd < 0) {
      token(OTHER, p, p + 1, -1);
    } else if (rule == Dollar.UNSURE
        || tagEnd - p > MAX_DOLLAR_TAG
        || (rule == Dollar.PLAIN && tagEnd != p + 1)
        || !plainTag(p + 1, tagEnd)) {
      cut();
    } else {
      literal(dollarQuoteEnd(p, tagEnd + 1));
    }
  }

  /**
   * The index of the {@code $} closing a dollar-quote tag that starts at {@code from}, or -1 when
   * no tag is there. PostgreSQL takes letters, digits (not first), underscores and any non-ASCII
   * character.
   */
  private int dollarTagEnd(int from) {
    if (!isTagStart(at(from))) {
      return -1;
    }
    int e = from + 1;
    while (e < n && (isTagStart(sql.charAt(e)) || isDigit(sql.charAt(e)))) {
      e++;
    }
    return at(e) == '$' ? e : -1;
  }

  /**
   * Whether a tag's non-ASCII characters are all letters or digits: the server takes any, but the
   * PostgreSQL driver's own parser does not, and where they disagree the shape is cut.
   */
  private boolean plainTag(int from, int end) {
    for (int i = from; i < end; i++) {
      char c = sql.charAt(i);
      if (c >= 0x80 && !Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private void colon(int p) {
    char c = at(p + 1);
    if (c == ':') {
      token(OTHER, p, p + 2, -1);
    } else if (isIdentStart(c)) {
      int e = p + 2;
      while (e < n && isIdentPart(sql.charAt(e))) {
        e++;
      }
      token(MARKER, p, e, -1);
    } else if (isDigit(c) && dialect.colonNumberMarker == Rule.YES) {
      token(MARKER, p, digitsEnd(p + 1), -1); // Oracle's :1
    } else {
      token(OTHER, p, p + 1, -1); // a slice's colon: the number after it is a literal
    }
  }

  /** A literal ending at {@code end} (exclusive), or, when it has no certain end, a cut. */
  private void literal(int end) {
    if (end < 0) {
      cut();
    } else {
      token(LITERAL, pos, end, -1);
    }
  }

  /** A string starting at {@link #pos} whose content starts at {@code from}. */
  private void string(int from, char quote, Rule backslashEscapes) {
    literal(stringEnd(from, quote, backslashEscapes));
  }

  private void quoted(int start, int end) {
    if (end < 0) {
      cut();
    } else {
      token(QUOTED, start, end, -1);
    }
  }

  /**
   * End (exclusive) of a string whose content starts at {@code from}, or -1 when it has no end or,
   * with {@code backslashEscapes} unsure, when a backslash before a quote would end it in one
   * reading and not in the other (an odd run of backslashes right before the quote).
   */
  private int stringEnd(int from, char quote, Rule backslashEscapes) {
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
        if (at(i + 1) != quote) {
          return i + 1;
        }
        i++;
      }
      backslashes = 0;
    }
    return -1;
  }

  /** End (exclusive) of a quoted name closed by {@code close} (doubled to escape), or -1. */
  private int doubledEnd(int from, char close) {
    for (int i = from; i < n; i++) {
      if (sql.charAt(i) == close) {
        if (at(i + 1) != close) {
          return i + 1;
        }
        i++;
      }
    }
    return -1;
  }

  /** End of Oracle's q'Xtext X' quoting; {@code quote} is the index of the first quote. */
  private int qQuoteEnd(int quote) {
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
   * End of a dollar-quoted string whose opening tag ({@code $$} or {@code $tag$}) spans {@code
   * [open, contentStart)}, or -1. Tags are at most {@value #MAX_DOLLAR_TAG} characters, so the
   * search stays linear.
   */
  private int dollarQuoteEnd(int open, int contentStart) {
    int tagLength = contentStart - open;
    for (int i = contentStart; i + tagLength <= n; i++) {
      if (sql.charAt(i) == '$' && sql.regionMatches(i, sql, open, tagLength)) {
        return i + tagLength;
      }
    }
    return -1;
  }

  /** End of a number starting at {@code p} (a digit, or '.' before a digit). */
  private int numberEnd(int p) {
    int i = p;
    if (at(i) == '0') {
      char kind = (char) (at(i + 1) | 0x20);
      if (kind == 'x' && isHexDigit(at(i + 2))) {
        i += 2;
        while (i < n && (isHexDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        return i;
      }
      if ((kind == 'b' || kind == 'o') && isDigit(at(i + 2))) {
        i += 2;
        return digitsEnd(i);
      }
    }
    i = digitsEnd(i);
    if (at(i) == '.') {
      i = digitsEnd(i + 1);
    }
    if ((at(i) | 0x20) == 'e') {
      int j = i + 1;
      char c = at(j);
      if (c == '+' || c == '-') {
        j++;
      }
      if (isDigit(at(j))) {
        i = digitsEnd(j);
      }
    }
    return i;
  }

  /** End of a run of digits (with '_' separators between digits) starting at {@code from}. */
  private int digitsEnd(int from) {
    int i = from;
    while (i < n) {
      char c = sql.charAt(i);
      if (isDigit(c) || (c == '_' && i > from && isDigit(at(i + 1)))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private int keyword(int start, int end) {
    int len = end - start;
    if (len >= KEYWORDS_BY_LENGTH.length) {
      return -1;
    }
    for (int id : KEYWORDS_BY_LENGTH[len]) {
      String k = KEYWORDS[id];
      int i = 0;
      while (i < len && (sql.charAt(start + i) & ~0x20) == k.charAt(i)) {
        i++;
      }
      if (i == len) {
        return id;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // output

  private void token(int kind, int start, int end, int keyword) {
    pos = end;
    if (kind == CLOSE && depth == 0) {
      kind = OTHER;
    }
    int level = depth;
    if (level < MAX_TRACKED_DEPTH) {
      if (kind == CLOSE) {
        if (listKind[level] != NO_LIST) {
          finishElement(level);
          listKind[level] = NO_LIST;
        }
      } else {
        if (firstAtLevel[level]) {
          firstAtLevel[level] = false;
          if (kind == WORD && startsSubquery(keyword)) {
            if (listKind[level] == ELEMENT_LIST) {
              listKind[level] = NO_LIST;
            }
            markersAsQuestionMark[level] = false;
          }
        }
        if (listKind[level] != NO_LIST) {
          beforeListToken(level, kind, keyword);
        }
      }
    }
    if (kind == CLOSE) {
      level = --depth;
    }
    boolean tracked = level < MAX_TRACKED_DEPTH;

    if (pendingSpace && out.length() > 0) {
      out.append(' ');
    }
    if (tracked
        && kind != CLOSE
        && kind != COMMA
        && listKind[level] != NO_LIST
        && awaitingElement[level]) {
      elementStart[level] = out.length();
      awaitingElement[level] = false;
    }
    if (kind == LITERAL
        || (kind == MARKER
            && (sql.charAt(start) == '?' || (tracked && markersAsQuestionMark[level])))) {
      out.append('?');
    } else {
      append(start, end);
    }
    pendingSpace = false;

    if (kind == OPEN) {
      char bracket = sql.charAt(start);
      boolean list =
          (bracket == '(' && previousKeyword == KW_IN)
              || (bracket == '[' && previousKeyword == KW_ARRAY);
      boolean row = tracked && listKind[level] == VALUES_LIST;
      boolean inherited = tracked && markersAsQuestionMark[level];
      int inner = ++depth;
      if (inner < MAX_TRACKED_DEPTH) {
        listKind[inner] = list ? ELEMENT_LIST : NO_LIST;
        awaitingElement[inner] = true;
        hasPrevious[inner] = false;
        firstAtLevel[inner] = true;
        markersAsQuestionMark[inner] = inherited || list || row;
      }
    } else if (kind == WORD && keyword == KW_VALUES && tracked && listKind[level] == NO_LIST) {
      listKind[level] = VALUES_LIST;
      awaitingElement[level] = true;
      hasPrevious[level] = false;
    }

    switch (kind) {
      case WORD:
        operandExpected = keyword >= 0 && keyword != KW_ARRAY && keyword != KW_ROW;
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

    if (operationState != OP_DONE) {
      trackOperation(kind, start, end, keyword, level);
    }
    previousKeyword = kind == WORD ? keyword : -1;
    if (out.length() >= STOP_LENGTH) {
      stopped = true;
    }
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

  private void beforeListToken(int level, int kind, int keyword) {
    if (listKind[level] == ELEMENT_LIST) {
      if (kind == COMMA) {
        finishElement(level);
        awaitingElement[level] = true;
      }
      return;
    }
    // VALUES rows: '(' .. ')' or ROW(..), separated by commas; anything else ends the list
    if (awaitingElement[level]) {
      if (kind != OPEN && !(kind == WORD && keyword == KW_ROW)) {
        listKind[level] = NO_LIST;
      }
    } else if (kind == COMMA) {
      finishElement(level);
      awaitingElement[level] = true;
    } else if (kind != OPEN) {
      finishElement(level);
      listKind[level] = NO_LIST;
    }
  }

  /** Ends the current list element: dropped (with its separator) when equal to the previous. */
  private void finishElement(int level) {
    int end = out.length();
    int start = awaitingElement[level] ? end : Math.min(elementStart[level], end);
    if (hasPrevious[level] && sameText(previousStart[level], previousEnd[level], start, end)) {
      out.setLength(previousEnd[level]);
    } else {
      previousStart[level] = start;
      previousEnd[level] = end;
      hasPrevious[level] = true;
    }
  }

  private boolean sameText(int aStart, int aEnd, int bStart, int bEnd) {
    int len = aEnd - aStart;
    if (len != bEnd - bStart || aEnd > out.length() || bEnd > out.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (out.charAt(aStart + i) != out.charAt(bStart + i)) {
        return false;
      }
    }
    return true;
  }

  private void trackOperation(int kind, int start, int end, int keyword, int level) {
    if (operationState == OP_SEARCHING) {
      char c = sql.charAt(start);
      if (kind == WORD) {
        operation = operationName(start, end, keyword);
        if (keyword == KW_WITH) {
          operationState = OP_IN_WITH;
          withDepth = level;
        } else {
          operationState = OP_DONE;
        }
      } else if (!((kind == OPEN && c == '(')
          || (kind == OTHER && (c == '{' || c == '='))
          || (kind == MARKER && c == '?'))) {
        operationState = OP_DONE;
      }
    } else if (kind == WORD && level == withDepth && isMainStatement(keyword)) {
      operation = KEYWORDS[keyword];
      operationState = OP_DONE;
    }
  }

  private String operationName(int start, int end, int keyword) {
    if (keyword >= 0) {
      return KEYWORDS[keyword];
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

  private static boolean startsSubquery(int keyword) {
    return keyword == KW_SELECT
        || keyword == KW_WITH
        || keyword == KW_VALUES
        || keyword == KW_TABLE;
  }

  private static boolean isMainStatement(int keyword) {
    return keyword == KW_SELECT
        || keyword == KW_INSERT
        || keyword == KW_UPDATE
        || keyword == KW_DELETE
        || keyword == KW_MERGE
        || keyword == KW_VALUES
        || keyword == KW_TABLE;
  }

  // ---------------------------------------------------------------------------------------------
  // character classes

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /** ASCII whitespace (space, tab, LF, VT, FF, CR) and Unicode spaces. */
  private static boolean isSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    return c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** A letter, an underscore, or a non-ASCII character that is neither a space nor a control. */
  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c > 0x9f && !Character.isSurrogate(c) && !isSpace(c));
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  /** A dollar-quote tag's first character: PostgreSQL takes letters, '_' and any non-ASCII. */
  private static boolean isTagStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private boolean isSurrogatePair(int i) {
    return Character.isHighSurrogate(at(i)) && Character.isLowSurrogate(at(i + 1));
  }
}
