package io.querylens.core.internal.unitofwork;

import io.querylens.core.QueryShape;
import java.util.Locale;

/** What kind of statement a shape is, as far as findings are concerned. */
final class ShapeKinds {
  /** Reads rows: SELECT, WITH ... SELECT, VALUES, TABLE. Repeated with new parameters: N+1. */
  static final byte READ = 1;

  /** Changes rows: INSERT, UPDATE, DELETE, MERGE, UPSERT, REPLACE. Repeated: chatty writes. */
  static final byte WRITE = 2;

  /** Anything else (CALL, SET, DDL, ...): never a finding. */
  static final byte OTHER = 3;

  /** FROM targets that are no table: Oracle/MySQL {@code DUAL}, DB2, Firebird. */
  private static final String[] DUMMY_TABLES = {"dual", "sysibm.sysdummy1", "rdb$database"};

  private ShapeKinds() {}

  /** The class of {@code operation} ({@link QueryShape#operation()}). */
  static byte of(String operation) {
    switch (operation) {
      case "SELECT":
      case "WITH":
      case "VALUES":
      case "TABLE":
        return READ;
      case "INSERT":
      case "UPDATE":
      case "DELETE":
      case "MERGE":
      case "UPSERT":
      case "REPLACE":
        return WRITE;
      default:
        return OTHER;
    }
  }

  /**
   * Whether repetitions of {@code shape} may make a finding: writes always; reads only when they
   * read a table. A read without {@code FROM}, or only from a dummy table, is a connection check
   * ({@code SELECT 1}), a sequence or a clock read, and is never judged. Called once per unit and
   * shape, when the shape reaches the threshold; never on every execution.
   */
  static boolean judged(QueryShape shape, byte kind) {
    if (kind == WRITE) {
      return true;
    }
    return kind == READ && readsTable(shape.text());
  }

  /** Whether {@code sql} has a {@code FROM} word followed by something other than a dummy table. */
  static boolean readsTable(String sql) {
    String s = sql.toLowerCase(Locale.ROOT);
    int from = 0;
    while ((from = s.indexOf("from", from)) >= 0) {
      int end = from + 4;
      boolean word =
          (from == 0 || !isIdentifierPart(s.charAt(from - 1)))
              && (end == s.length() || !isIdentifierPart(s.charAt(end)));
      from = end;
      if (!word) {
        continue;
      }
      int t = end;
      while (t < s.length() && Character.isWhitespace(s.charAt(t))) {
        t++;
      }
      int tEnd = t;
      while (tEnd < s.length() && (isIdentifierPart(s.charAt(tEnd)) || s.charAt(tEnd) == '.')) {
        tEnd++;
      }
      if (!isDummy(s.substring(t, tEnd))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDummy(String table) {
    for (String d : DUMMY_TABLES) {
      if (d.equals(table)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
