package io.querylens.core.internal.sql;

import static io.querylens.core.internal.sql.TokenKind.CLOSE;
import static io.querylens.core.internal.sql.TokenKind.COMMA;
import static io.querylens.core.internal.sql.TokenKind.OPEN;
import static io.querylens.core.internal.sql.TokenKind.WORD;

import java.util.Arrays;

/**
 * Collapses lists in the shape text as it is written: inside {@code IN (..)}, {@code ARRAY[..]} and
 * the rows of {@code VALUES (..), (..)} (also MySQL {@code ROW(..)} rows), an element equal to the
 * element before it is dropped together with its comma, so {@code IN (?, ?, ?)} gives {@code IN
 * (?)} and three equal rows give one. Inside such lists every parameter marker is written as {@code
 * ?}, so lists of any length and numbering share one shape. A list whose first token starts a
 * subquery ({@code IN (SELECT ..)}) is left alone.
 *
 * <p>State is kept per bracket level below {@link #MAX_TRACKED_DEPTH}, in fixed arrays: lists
 * nested deeper are not collapsed. Elements are compared in the text already written, so collapsing
 * costs no allocation.
 */
final class ListCollapser {
  /** Bracket levels that get list tracking; deeper lists are kept as they are. */
  static final int MAX_TRACKED_DEPTH = 64;

  // list kinds per bracket level
  private static final byte NO_LIST = 0;
  private static final byte ELEMENT_LIST = 1;
  private static final byte VALUES_LIST = 2;

  /** Keywords that, first in a bracket, make it a subquery rather than a list. */
  private static final long SUBQUERY_STARTS =
      Keywords.setOf(Keywords.SELECT, Keywords.WITH, Keywords.VALUES, Keywords.TABLE);

  private final StringBuilder out;

  /** Levels the arrays hold at first: most statements nest brackets only a few deep. */
  private static final int INITIAL_LEVELS = 8;

  // per bracket level (index = depth), grown up to MAX_TRACKED_DEPTH as brackets open
  private byte[] listKind = new byte[INITIAL_LEVELS];
  private boolean[] awaitingElement = new boolean[INITIAL_LEVELS];
  private int[] elementStart = new int[INITIAL_LEVELS];
  private boolean[] hasPrevious = new boolean[INITIAL_LEVELS];
  private int[] previousStart = new int[INITIAL_LEVELS];
  private int[] previousEnd = new int[INITIAL_LEVELS];
  private boolean[] firstAtLevel = new boolean[INITIAL_LEVELS];
  private boolean[] markersAsQuestionMark = new boolean[INITIAL_LEVELS];

  ListCollapser(StringBuilder out) {
    this.out = out;
  }

  /**
   * Before a token at {@code level} (the level it is read at: for a closing bracket, the level it
   * closes) is written: a closing bracket ends its list; a separator ends an element.
   */
  void beforeToken(int kind, int keyword, int level) {
    if (level >= MAX_TRACKED_DEPTH) {
      return;
    }
    if (kind == CLOSE) {
      if (listKind[level] != NO_LIST) {
        finishElement(level);
        listKind[level] = NO_LIST;
      }
      return;
    }
    if (firstAtLevel[level]) {
      firstAtLevel[level] = false;
      if (kind == WORD && Keywords.in(SUBQUERY_STARTS, keyword)) {
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

  /**
   * After the space before a token at {@code level} and before the token itself: an element starts
   * here when one is awaited. Not called for closing brackets and commas.
   */
  void markElementStart(int level) {
    if (level < MAX_TRACKED_DEPTH && listKind[level] != NO_LIST && awaitingElement[level]) {
      elementStart[level] = out.length();
      awaitingElement[level] = false;
    }
  }

  /** Whether markers at {@code level} are written as {@code ?}. */
  boolean markersAsQuestionMark(int level) {
    return level < MAX_TRACKED_DEPTH && markersAsQuestionMark[level];
  }

  /**
   * After {@code bracket} opened a level inside {@code level}: a list when it follows {@code IN} or
   * {@code ARRAY}, a row when {@code level} holds VALUES rows.
   */
  void open(int level, char bracket, int previousKeyword) {
    boolean tracked = level < MAX_TRACKED_DEPTH;
    boolean list =
        (bracket == '(' && previousKeyword == Keywords.IN)
            || (bracket == '[' && previousKeyword == Keywords.ARRAY);
    boolean row = tracked && listKind[level] == VALUES_LIST;
    boolean inherited = tracked && markersAsQuestionMark[level];
    int inner = level + 1;
    if (inner < MAX_TRACKED_DEPTH) {
      if (inner == listKind.length) {
        grow();
      }
      listKind[inner] = list ? ELEMENT_LIST : NO_LIST;
      awaitingElement[inner] = true;
      hasPrevious[inner] = false;
      firstAtLevel[inner] = true;
      markersAsQuestionMark[inner] = inherited || list || row;
    }
  }

  /** Doubles the levels held; only levels not yet opened are added, all clear. */
  private void grow() {
    int levels = Math.min(2 * listKind.length, MAX_TRACKED_DEPTH);
    listKind = Arrays.copyOf(listKind, levels);
    awaitingElement = Arrays.copyOf(awaitingElement, levels);
    elementStart = Arrays.copyOf(elementStart, levels);
    hasPrevious = Arrays.copyOf(hasPrevious, levels);
    previousStart = Arrays.copyOf(previousStart, levels);
    previousEnd = Arrays.copyOf(previousEnd, levels);
    firstAtLevel = Arrays.copyOf(firstAtLevel, levels);
    markersAsQuestionMark = Arrays.copyOf(markersAsQuestionMark, levels);
  }

  /** After the word {@code VALUES} at {@code level}: its rows follow. */
  void values(int level) {
    if (level < MAX_TRACKED_DEPTH && listKind[level] == NO_LIST) {
      listKind[level] = VALUES_LIST;
      awaitingElement[level] = true;
      hasPrevious[level] = false;
    }
  }

  /** At the end of the statement: lists still open (VALUES rows at the end) end there. */
  void closeAll(int depth) {
    for (int level = Math.min(depth, MAX_TRACKED_DEPTH - 1); level >= 0; level--) {
      if (listKind[level] != NO_LIST) {
        finishElement(level);
      }
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
      if (kind != OPEN && !(kind == WORD && keyword == Keywords.ROW)) {
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
}
