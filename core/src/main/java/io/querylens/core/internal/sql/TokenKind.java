package io.querylens.core.internal.sql;

/**
 * The kinds of token {@link SqlLexer} hands to {@link ShapeWriter}: plain ints, so that a token is
 * a few arguments and never an object.
 */
final class TokenKind {
  /** An identifier or keyword, also {@code @var} and {@code #tmp}. */
  static final int WORD = 0;

  /** A string, number or other literal: written as {@code ?}. */
  static final int LITERAL = 1;

  /** A parameter marker: {@code ?}, {@code ?1}, {@code $1}, {@code :name}, {@code :1}. */
  static final int MARKER = 2;

  /** A quoted identifier, kept as written. */
  static final int QUOTED = 3;

  /** {@code (} or an array {@code [}. */
  static final int OPEN = 4;

  /** {@code )} or the {@code ]} closing an array {@code [}. */
  static final int CLOSE = 5;

  static final int COMMA = 6;

  /** Any other character: operators, {@code .}, {@code ;}, braces. */
  static final int OTHER = 7;

  private TokenKind() {}
}
