package io.querylens.core.internal.sql;

import io.querylens.core.SqlDialect;

/**
 * How one database family lexes SQL: which quotes make literals, which make identifiers, which
 * characters start comments and where they end, for each public {@link SqlDialect}. {@link
 * SqlLexer} follows these rules so that what it masks is exactly what the database reads as a
 * literal or a comment. Internal API: not for use outside QueryLens.
 *
 * <p>A rule QueryLens is not sure of for a family is {@link Rule#UNSURE}: the normaliser then cuts
 * the shape where the construct that would tell the readings apart appears, so an unknown rule
 * costs readability, never a leak. {@link SqlDialect#OTHER} (a database QueryLens does not know) is
 * unsure of everything on which the known families disagree. The table is written out in {@code
 * docs/sql-dialects.md}.
 */
final class DialectRules {
  /** The rules of each dialect, by its ordinal. */
  private static final DialectRules[] byDialect = new DialectRules[SqlDialect.values().length];

  static {
    define(SqlDialect.POSTGRESQL, postgresql(Rule.NO));
    define(SqlDialect.POSTGRESQL_ESCAPED_STRINGS, postgresql(Rule.YES));
    define(SqlDialect.POSTGRESQL_UNKNOWN_STRINGS, postgresql(Rule.UNSURE));
    define(
        SqlDialect.H2,
        standard()
            .backtickName(Rule.YES)
            .bracket(Bracket.UNSURE) // a subscript, but a [name] in MODE=MSSQLServer
            .carriageReturnEndsComment(Rule.YES)
            .nestedComments(Rule.YES)
            .slashSlashComment(Rule.YES)
            .dollar(Dollar.PLAIN));
    define(
        SqlDialect.MYSQL,
        standard()
            // escapes unless sql_mode has NO_BACKSLASH_ESCAPES, which can change at any time
            .backslashEscapes(Rule.UNSURE)
            .escapeStringPrefix(Rule.UNSURE)
            .doubleQuoteString(Rule.YES) // a name under ANSI_QUOTES: masked all the same
            .backtickName(Rule.YES)
            .hashComment(Rule.YES) // with or without a space after it
            .dash(Dash.NEEDS_SPACE)
            .carriageReturnEndsComment(Rule.NO)
            .nestedComments(Rule.NO)
            .executableComments(Rule.YES));
    define(
        SqlDialect.SQL_SERVER,
        standard()
            .doubleQuoteString(Rule.YES) // a string under QUOTED_IDENTIFIER OFF: masked
            .bracket(Bracket.NAME)
            .nestedComments(Rule.YES));
    define(SqlDialect.ORACLE, standard().qQuote(Rule.YES).colonNumberMarker(Rule.YES));
    define(SqlDialect.DB2, standard());
    define(
        SqlDialect.SQLITE,
        standard()
            .doubleQuoteString(Rule.YES) // a string when no such column exists: masked
            .backtickName(Rule.YES)
            .bracket(Bracket.NAME)
            .carriageReturnEndsComment(Rule.NO)
            .nestedComments(Rule.NO));
    define(SqlDialect.HSQLDB, standard().slashSlashComment(Rule.UNSURE));
    define(SqlDialect.DERBY, standard());
    // a database QueryLens does not know: unsure wherever the known families disagree
    define(
        SqlDialect.OTHER,
        new Rules()
            .backslashEscapes(Rule.UNSURE)
            .escapeStringPrefix(Rule.UNSURE)
            .doubleQuoteString(Rule.YES)
            .backtickName(Rule.YES)
            .bracket(Bracket.UNSURE)
            .hashComment(Rule.UNSURE)
            .dash(Dash.UNSURE)
            .slashSlashComment(Rule.UNSURE)
            .dollar(Dollar.UNSURE)
            .qQuote(Rule.UNSURE)
            .executableComments(Rule.UNSURE));
  }

  /** Whether a dialect does something; {@link #UNSURE} when QueryLens cannot know. */
  enum Rule {
    YES,
    NO,
    UNSURE
  }

  /** What {@code [} opens. */
  enum Bracket {
    /** A quoted name up to {@code ]} ({@code ]]} escapes it): SQL Server, SQLite. */
    NAME,
    /** An array subscript or constructor, whose content is SQL. */
    SUBSCRIPT,
    /** Either; the shape is cut where the two readings would differ. */
    UNSURE
  }

  /** When {@code --} starts a comment. */
  enum Dash {
    ALWAYS,
    /** Only before whitespace, a control character or the end (MySQL, MariaDB). */
    NEEDS_SPACE,
    /** Before whitespace or the end; otherwise the shape is cut. */
    UNSURE
  }

  /** What {@code $} starts. */
  enum Dollar {
    /** {@code $1} markers and {@code $$..$$}, {@code $tag$..$tag$} strings (PostgreSQL). */
    TAGGED,
    /** {@code $1} markers and {@code $$..$$} strings only (H2). */
    PLAIN,
    /** Nothing: a name character, or money before digits. */
    NONE,
    /** Unknown: a dollar-quoted string cuts the shape. */
    UNSURE
  }

  /** Backslash escapes in plain {@code '..'} strings (and in {@code ".."} strings). */
  final Rule backslashEscapes;

  /** Backslash escapes in {@code E'..'} strings. */
  final Rule escapeStringPrefix;

  /** {@code ".."} is a string (masked) rather than an identifier (kept). */
  final Rule doubleQuoteString;

  /** {@code `..`} is an identifier (kept); otherwise it is masked. */
  final Rule backtickName;

  final Bracket bracket;

  /** {@code #} starts a line comment. */
  final Rule hashComment;

  final Dash dash;

  /** A carriage return not followed by a line feed ends a line comment. */
  final Rule carriageReturnEndsComment;

  /** {@code /*} inside a block comment opens a nested one. */
  final Rule nestedComments;

  /** <code>/*!</code> and <code>/*M!</code> comments hold SQL the server runs (MySQL, MariaDB). */
  final Rule executableComments;

  /** {@code //} starts a line comment. */
  final Rule slashSlashComment;

  final Dollar dollar;

  /** Oracle's {@code q'[..]'} alternative quoting. */
  final Rule qQuote;

  /** {@code :1} is a bind marker (kept) rather than a colon and a number (masked). */
  final Rule colonNumberMarker;

  private DialectRules(Rules rules) {
    this.backslashEscapes = rules.backslashEscapes;
    this.escapeStringPrefix = rules.escapeStringPrefix;
    this.doubleQuoteString = rules.doubleQuoteString;
    this.backtickName = rules.backtickName;
    this.bracket = rules.bracket;
    this.hashComment = rules.hashComment;
    this.dash = rules.dash;
    this.carriageReturnEndsComment = rules.carriageReturnEndsComment;
    this.nestedComments = rules.nestedComments;
    this.executableComments = rules.executableComments;
    this.slashSlashComment = rules.slashSlashComment;
    this.dollar = rules.dollar;
    this.qQuote = rules.qQuote;
    this.colonNumberMarker = rules.colonNumberMarker;
  }

  /** The rules of {@code dialect}. */
  static DialectRules of(SqlDialect dialect) {
    return byDialect[dialect.ordinal()];
  }

  private static void define(SqlDialect dialect, Rules rules) {
    byDialect[dialect.ordinal()] = new DialectRules(rules);
  }

  /**
   * Standard SQL: {@code '..'} strings with doubled quotes only, {@code ".."} names, {@code --} and
   * block comments; what the standard leaves open (a lone carriage return in a line comment, nested
   * block comments) is unsure.
   */
  private static Rules standard() {
    return new Rules()
        .backslashEscapes(Rule.NO)
        .escapeStringPrefix(Rule.NO)
        .doubleQuoteString(Rule.NO)
        .backtickName(Rule.NO)
        .bracket(Bracket.SUBSCRIPT)
        .hashComment(Rule.NO)
        .dash(Dash.ALWAYS)
        .slashSlashComment(Rule.NO)
        .dollar(Dollar.NONE)
        .qQuote(Rule.NO)
        .executableComments(Rule.NO);
  }

  /** PostgreSQL, whose plain strings take backslash escapes as {@code backslashEscapes} says. */
  private static Rules postgresql(Rule backslashEscapes) {
    return standard()
        .backslashEscapes(backslashEscapes)
        .escapeStringPrefix(Rule.YES) // E'..' takes backslash escapes
        .carriageReturnEndsComment(Rule.YES)
        .nestedComments(Rule.YES)
        .dollar(Dollar.TAGGED);
  }

  /** The rules of one dialect while its constant is built; unset rules are unsure. */
  private static final class Rules {
    Rule backslashEscapes = Rule.UNSURE;
    Rule escapeStringPrefix = Rule.UNSURE;
    Rule doubleQuoteString = Rule.YES;
    Rule backtickName = Rule.NO;
    Bracket bracket = Bracket.UNSURE;
    Rule hashComment = Rule.UNSURE;
    Dash dash = Dash.UNSURE;
    Rule carriageReturnEndsComment = Rule.UNSURE;
    Rule nestedComments = Rule.UNSURE;
    Rule executableComments = Rule.UNSURE;
    Rule slashSlashComment = Rule.UNSURE;
    Dollar dollar = Dollar.UNSURE;
    Rule qQuote = Rule.UNSURE;
    Rule colonNumberMarker = Rule.NO;

    Rules backslashEscapes(Rule r) {
      backslashEscapes = r;
      return this;
    }

    Rules escapeStringPrefix(Rule r) {
      escapeStringPrefix = r;
      return this;
    }

    Rules doubleQuoteString(Rule r) {
      doubleQuoteString = r;
      return this;
    }

    Rules backtickName(Rule r) {
      backtickName = r;
      return this;
    }

    Rules bracket(Bracket b) {
      bracket = b;
      return this;
    }

    Rules hashComment(Rule r) {
      hashComment = r;
      return this;
    }

    Rules dash(Dash d) {
      dash = d;
      return this;
    }

    Rules carriageReturnEndsComment(Rule r) {
      carriageReturnEndsComment = r;
      return this;
    }

    Rules nestedComments(Rule r) {
      nestedComments = r;
      return this;
    }

    Rules executableComments(Rule r) {
      executableComments = r;
      return this;
    }

    Rules slashSlashComment(Rule r) {
      slashSlashComment = r;
      return this;
    }

    Rules dollar(Dollar d) {
      dollar = d;
      return this;
    }

    Rules qQuote(Rule r) {
      qQuote = r;
      return this;
    }

    Rules colonNumberMarker(Rule r) {
      colonNumberMarker = r;
      return this;
    }
  }
}
