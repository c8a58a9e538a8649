package io.querylens.core.internal.sql;

/**
 * The SQL keywords the normaliser reacts to, with a cheap case-insensitive lookup. Every keyword
 * here except {@link #ARRAY} and {@link #ROW} is followed by an operand, so a sign after it is
 * unary. The constants are indexes into {@link #NAMES}, fewer than 64 so that sets of them fit in a
 * {@code long}.
 */
final class Keywords {
  static final int IN = 0;
  static final int ARRAY = 1;
  static final int ROW = 2;
  static final int VALUES = 3;
  static final int SELECT = 4;
  static final int WITH = 5;
  static final int TABLE = 6;
  static final int INSERT = 7;
  static final int UPDATE = 8;
  static final int DELETE = 9;
  static final int MERGE = 10;
  static final int CALL = 11;
  static final int FROM = 12;
  static final int WHERE = 13;
  static final int HAVING = 25;
  static final int LIMIT = 26;
  static final int OFFSET = 27;
  static final int RETURNING = 30;
  static final int DISTINCT = 31;
  static final int SET = 36;
  static final int JOIN = 37;
  static final int INTO = 38;
  static final int BY = 39;
  static final int AS = 40;
  static final int EXEC = 42;
  static final int EXECUTE = 43;
  static final int USING = 44;
  static final int WHEN = 18;
  static final int UNION = 51;
  static final int EXCEPT = 52;
  static final int INTERSECT = 53;
  static final int OUTPUT = 56;

  /** Upper case, indexed by the constants above. */
  static final String[] NAMES =
      ("IN ARRAY ROW VALUES SELECT WITH TABLE INSERT UPDATE DELETE MERGE CALL FROM WHERE AND OR NOT"
              + " ON WHEN THEN ELSE CASE BETWEEN LIKE ILIKE HAVING LIMIT OFFSET TOP RETURN RETURNING"
              + " DISTINCT ALL ANY SOME INTERVAL SET JOIN INTO BY AS IS EXEC EXECUTE USING DO ESCAPE"
              + " DEFAULT VIEW INDEX EXISTS UNION EXCEPT INTERSECT REGEXP SIMILAR OUTPUT")
          .split(" ");

  /** Shortest and longest keyword. */
  private static final int MIN_LENGTH = 2;

  private static final int MAX_LENGTH = 9;

  /**
   * Open-addressing hash table of keyword ids plus one (0 = empty slot), by {@link #hash} of the
   * upper-cased word: a word that is no keyword (most words: names) costs its hash and about one
   * probe, rather than a comparison with every keyword of its length.
   */
  private static final int[] slots = new int[256];

  static {
    for (int id = 0; id < NAMES.length; id++) {
      String k = NAMES[id];
      int slot = hash(k, 0, k.length());
      while (slots[slot] != 0) {
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = id + 1;
    }
  }

  private Keywords() {}

  /** The keyword {@code sql[start, end)} is, in any case, or -1. */
  static int of(String sql, int start, int end) {
    int len = end - start;
    if (len < MIN_LENGTH || len > MAX_LENGTH) {
      return -1;
    }
    int slot = hash(sql, start, end);
    int id;
    while ((id = slots[slot] - 1) >= 0) {
      String k = NAMES[id];
      if (k.length() == len) {
        int i = 0;
        while (i < len && (sql.charAt(start + i) & ~0x20) == k.charAt(i)) {
          i++;
        }
        if (i == len) {
          return id;
        }
      }
      slot = (slot + 1) & (slots.length - 1);
    }
    return -1;
  }

  /**
   * A slot for {@code s[start, end)}, hashed as {@link #of} compares: each character with bit 5
   * cleared, so that a keyword in any case hashes as its upper-case name.
   */
  private static int hash(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + (s.charAt(i) & ~0x20);
    }
    h ^= h >>> 7;
    return (h ^ (h >>> 13)) & (slots.length - 1);
  }

  /** The set of {@code keywords}, for {@link #in}. */
  static long setOf(int... keywords) {
    long set = 0;
    for (int k : keywords) {
      set |= 1L << k;
    }
    return set;
  }

  /** Whether {@code keyword} (-1 for none) is in {@code set}. */
  static boolean in(long set, int keyword) {
    return keyword >= 0 && (set >>> keyword & 1) != 0;
  }
}
