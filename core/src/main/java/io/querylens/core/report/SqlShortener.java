package io.querylens.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Shortens one line of SQL from the middle, so that what tells two statements apart survives: its
 * start, its {@code FROM} and its {@code WHERE}. A {@code SELECT} first loses the middle of its
 * select list ({@code select o.id, o.name, …, o.telephone from owners o where ...}), keeping as
 * many leading columns as fit; if that is not enough, the select list keeps at most a third of the
 * room and the rest is cut too, in three parts that each keep their start: the {@code WHERE} clause
 * gets the room first (half, or all it needs if less), then what comes before it ({@code from
 * owners o left join ...}, or {@code update owners set ...}), and the clauses after it ({@code
 * order by}, {@code limit}, {@code fetch}, ...) only what is left. A statement with neither a
 * top-level {@code WHERE} nor a select list is cut in the middle. Cuts fall at spaces where one is
 * near, and {@code …} marks each. Counts code points and never splits a surrogate pair. Decision
 * 0032.
 */
final class SqlShortener {
  private static final int ELLIPSIS = '…';

  /** Below this many code points a structured cut has no room to keep anything useful. */
  private static final int MIN_STRUCTURED = 24;

  /** Clauses after {@code WHERE} are shown only when this much room is left for them. */
  private static final int MIN_TAIL = 16;

  /** Keywords that start a clause after the {@code FROM} and {@code WHERE} parts. */
  private static final String[] TAIL_KEYWORDS = {
    "group",
    "having",
    "window",
    "order",
    "limit",
    "offset",
    "fetch",
    "for",
    "union",
    "intersect",
    "except",
    "returning"
  };

  private SqlShortener() {}

  /** {@code sql} (one line, as {@link ConsoleReport#oneLine} folds it) in at most {@code max}. */
  static String shorten(String sql, int max) {
    int[] cp = sql.codePoints().toArray();
    if (cp.length <= max) {
      return sql;
    }
    if (max < MIN_STRUCTURED) {
      return string(middle(cp, 0, cp.length, max));
    }
    Structure s = Structure.of(cp);
    if (s.listStart < 0) {
      return string(rest(cp, 0, cp.length, s, max));
    }
    // a select list with a top-level FROM: elide the list's middle first
    int restLength = cp.length - s.from + 1; // " from ..."
    List<Integer> selects = selectCandidates(s);
    for (int end : selects) {
      // richest first: the whole list, fewer leading items before the last, the first, none
      if (select(cp, s, end).length + restLength <= max) {
        return string(select(cp, s, end)) + " " + string(slice(cp, s.from, cp.length));
      }
    }
    // the rest must be cut as well: the select list keeps at most a third of the room
    int chosen = selects.get(selects.size() - 1);
    for (int end : selects) {
      if (select(cp, s, end).length <= max / 3) {
        chosen = end;
        break;
      }
    }
    int[] head = select(cp, s, chosen);
    int room = max - head.length - 1;
    return string(head) + " " + string(rest(cp, s.from, cp.length, s, room));
  }

  /**
   * Where the select lists tried end, richest first: the index of the comma after the kept leading
   * items (their last item follows an ellipsis), {@link Integer#MAX_VALUE} for the whole list,
   * {@code -1} for the first item and an ellipsis, {@code -2} for just an ellipsis.
   */
  private static List<Integer> selectCandidates(Structure s) {
    List<Integer> out = new ArrayList<>();
    out.add(Integer.MAX_VALUE);
    int items = s.commas.size() + 1;
    if (items >= 3) {
      for (int k = items - 2; k >= 1; k--) {
        out.add(s.commas.get(k - 1));
      }
    }
    if (items >= 2) {
      out.add(-1);
    }
    out.add(-2);
    return out;
  }

  /** The select part for candidate {@code end} (see {@link #selectCandidates}). */
  private static int[] select(int[] cp, Structure s, int end) {
    int listEnd = trimEnd(cp, s.listStart, s.from);
    if (end == Integer.MAX_VALUE) {
      return slice(cp, 0, listEnd);
    }
    if (end == -2) {
      return concat(slice(cp, 0, s.listStart), new int[] {ELLIPSIS});
    }
    if (end == -1) {
      return concat(slice(cp, 0, s.commas.get(0) + 1), codePoints(" …"));
    }
    int lastItem = trimStart(cp, s.commas.get(s.commas.size() - 1) + 1, listEnd);
    return concat(concat(slice(cp, 0, end + 1), codePoints(" …, ")), slice(cp, lastItem, listEnd));
  }

  /**
   * {@code cp[from, to)} in at most {@code max}. With a top-level {@code WHERE} (or, after a select
   * list, a {@code FROM}) it is cut in three parts, each keeping its start: the part before the
   * {@code WHERE}, the {@code WHERE} clause up to the first clause after it, and those clauses (the
   * tail). The clause is promised half the room (or less if it needs less), the part before it what
   * it needs of the rest, the clause then all that is left up to its length, and the tail the
   * remainder, or nothing (an ellipsis) when that is too little to read. Without either, the text
   * is cut in the middle.
   */
  private static int[] rest(int[] cp, int from, int to, Structure s, int max) {
    if (to - from <= max) {
      return slice(cp, from, to);
    }
    boolean structured = s.where > from || s.listStart >= 0;
    if (!structured || max < MIN_STRUCTURED) {
      return middle(cp, from, to, max);
    }
    int tail = s.tail > from ? s.tail : to;
    int where = s.where > from ? s.where : tail;
    int headEnd = trimEnd(cp, from, where);
    int clauseEnd = trimEnd(cp, where, tail);
    int head = headEnd - from;
    int clause = clauseEnd - where;
    int marker = tail < to ? 2 : 0; // " …" for a tail left out
    int gaps = clause > 0 ? 1 : 0;
    int headRoom = Math.min(head, max - Math.min(clause, max / 2) - gaps - marker);
    int[] out = cut(cp, from, headEnd, headRoom);
    if (clause > 0) {
      int clauseRoom = max - out.length - gaps - marker; // what the head's cut left over too
      out = concat(concat(out, new int[] {' '}), cut(cp, where, clauseEnd, clauseRoom));
    }
    if (tail < to) {
      int tailRoom = max - out.length - 1;
      if (tailRoom >= MIN_TAIL) {
        out = concat(concat(out, new int[] {' '}), cut(cp, trimStart(cp, tail, to), to, tailRoom));
      } else if (out[out.length - 1] != ELLIPSIS) {
        out = concat(out, codePoints(" …"));
      }
    }
    return out;
  }

  /** {@code cp[from, to)} whole when it fits {@code max}, else its start and an ellipsis. */
  private static int[] cut(int[] cp, int from, int to, int max) {
    return to - from <= max ? slice(cp, from, to) : start(cp, from, to, max);
  }

  /** The start of {@code cp[from, to)} and an ellipsis, in at most {@code max}. */
  private static int[] start(int[] cp, int from, int to, int max) {
    int keep = Math.max(0, max - 2); // " …"
    int end = from + keep;
    int space = lastSpace(cp, from + keep / 2, end);
    end = trimEnd(cp, from, space > 0 ? space : end);
    return concat(slice(cp, from, end), end > from ? codePoints(" …") : new int[] {ELLIPSIS});
  }

  /** The start and end of {@code cp[from, to)} around an ellipsis, in at most {@code max}. */
  private static int[] middle(int[] cp, int from, int to, int max) {
    if (to - from <= max) {
      return slice(cp, from, to);
    }
    if (max < 5) {
      return concat(slice(cp, from, from + Math.max(0, max - 1)), new int[] {ELLIPSIS});
    }
    int room = max - 3; // " … "
    int headRoom = (room + 1) / 2;
    int tailRoom = room - headRoom;
    int headEnd = from + headRoom;
    int space = lastSpace(cp, from + headRoom / 2, headEnd + 1);
    headEnd = trimEnd(cp, from, space > 0 ? space : headEnd);
    int tailStart = to - tailRoom;
    int next = firstSpace(cp, tailStart - 1, to - tailRoom / 2);
    tailStart = trimStart(cp, next > 0 ? next + 1 : tailStart, to);
    return concat(concat(slice(cp, from, headEnd), codePoints(" … ")), slice(cp, tailStart, to));
  }

  /** The last space in {@code cp[from, to)}, or -1. */
  private static int lastSpace(int[] cp, int from, int to) {
    for (int i = Math.min(to, cp.length) - 1; i >= from; i--) {
      if (cp[i] == ' ') {
        return i;
      }
    }
    return -1;
  }

  /** The first space in {@code cp[from, to)}, or -1. */
  private static int firstSpace(int[] cp, int from, int to) {
    for (int i = Math.max(from, 0); i < to; i++) {
      if (cp[i] == ' ') {
        return i;
      }
    }
    return -1;
  }

  private static int trimEnd(int[] cp, int from, int to) {
    while (to > from && cp[to - 1] == ' ') {
      to--;
    }
    return to;
  }

  private static int trimStart(int[] cp, int from, int to) {
    while (from < to && cp[from] == ' ') {
      from++;
    }
    return from;
  }

  private static int[] slice(int[] cp, int from, int to) {
    int[] out = new int[to - from];
    System.arraycopy(cp, from, out, 0, out.length);
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] codePoints(String s) {
    return s.codePoints().toArray();
  }

  private static String string(int[] cp) {
    return new String(cp, 0, cp.length);
  }

  /**
   * Where a statement's parts are, outside parentheses and quotes: the select list's start and its
   * commas, the {@code FROM} after it and the first {@code WHERE}.
   */
  private static final class Structure {
    /** After {@code select } (and {@code distinct }), or -1 when there is no select list. */
    int listStart = -1;

    /** The {@code f} of the {@code from} that ends the select list; valid with a list. */
    int from = -1;

    /** The {@code w} of the first top-level {@code where} (after {@link #from}), or -1. */
    int where = -1;

    /**
     * The first top-level clause after the {@code WHERE} (after the {@code FROM} when there is no
     * {@code WHERE}), such as {@code order by}, or -1.
     */
    int tail = -1;

    /** The select list's top-level commas. */
    final List<Integer> commas = new ArrayList<>();

    static Structure of(int[] cp) {
      Structure s = new Structure();
      boolean select = keywordAt(cp, 0, "select");
      int listStart = -1;
      if (select) {
        listStart = skipSpaces(cp, 6);
        if (keywordAt(cp, listStart, "distinct")) {
          listStart = skipSpaces(cp, listStart + 8);
        }
      }
      int depth = 0;
      int quote = 0;
      int from = -1;
      for (int i = 0; i < cp.length; i++) {
        int c = cp[i];
        if (quote != 0) {
          if (c == quote) {
            quote = 0; // a doubled quote closes and reopens: the same for finding structure
          }
          continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth = Math.max(0, depth - 1);
        } else if (depth == 0) {
          if (select && from < 0 && i >= listStart) {
            if (c == ',') {
              s.commas.add(i);
            } else if (keywordAt(cp, i, "from")) {
              from = i;
            }
          } else if (s.where < 0
              && s.tail < 0
              && (!select || from >= 0)
              && keywordAt(cp, i, "where")) {
            s.where = i;
          } else if (s.tail < 0 && (s.where >= 0 || from >= 0) && tailAt(cp, i)) {
            s.tail = i;
          }
        }
      }
      if (select && from > listStart) {
        s.listStart = listStart;
        s.from = from;
      } else {
        s.commas.clear();
      }
      return s;
    }

    private static boolean tailAt(int[] cp, int i) {
      for (String keyword : TAIL_KEYWORDS) {
        if (keywordAt(cp, i, keyword)) {
          return true;
        }
      }
      return false;
    }

    private static int skipSpaces(int[] cp, int i) {
      while (i < cp.length && cp[i] == ' ') {
        i++;
      }
      return i;
    }

    /** Whether {@code word} (lower case) stands at {@code i} as a word of its own, in any case. */
    private static boolean keywordAt(int[] cp, int i, String word) {
      if (i > 0 && isWordChar(cp[i - 1]) || i + word.length() > cp.length) {
        return false;
      }
      for (int k = 0; k < word.length(); k++) {
        if (Character.toLowerCase(cp[i + k]) != word.charAt(k)) {
          return false;
        }
      }
      int after = i + word.length();
      return after == cp.length || !isWordChar(cp[after]);
    }

    private static boolean isWordChar(int c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
  }
}
