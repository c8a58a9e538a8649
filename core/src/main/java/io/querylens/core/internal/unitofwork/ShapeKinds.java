package io.querylens.core.internal.unitofwork;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.internal.sql.SqlNormalizer;
import java.util.List;

/** What kind of statement a shape is, as far as findings are concerned. */
final class ShapeKinds {
  /** Reads rows: SELECT, WITH ... SELECT, VALUES, TABLE. Repeated with new parameters: N+1. */
  static final byte READ = 1;

  /** Changes rows: INSERT, UPDATE, DELETE, MERGE, UPSERT, REPLACE. Repeated: chatty writes. */
  static final byte WRITE = 2;

  /** Anything else (CALL, SET, DDL, ...): never a finding. */
  static final byte OTHER = 3;

  /** FROM targets that are no table: Oracle/MySQL {@code DUAL}, DB2, Firebird (any case). */
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
   * read a table. A read without a table, or only from a dummy table, is a connection check ({@code
   * SELECT 1}), a sequence or a clock read, and is never judged. Called once per unit and shape,
   * when the shape reaches the threshold; never on every execution.
   */
  static boolean judged(QueryShape shape, byte kind) {
    if (kind == WRITE) {
      return true;
    }
    return kind == READ && readsTable(shape);
  }

  /**
   * Whether {@code shape} names a table other than a dummy one, from the tables the normaliser read
   * ({@link QueryShape#tables()}): no scan of the text.
   */
  static boolean readsTable(QueryShape shape) {
    List<String> tables = shape.tables();
    for (int i = 0; i < tables.size(); i++) {
      if (!isDummy(tables.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code sql} names a table other than a dummy one. It has to read {@code sql} for that:
   * callers that hold the shape ask {@link #readsTable(QueryShape)}, which does not.
   */
  static boolean readsTable(String sql) {
    return readsTable(SqlNormalizer.shape(sql, SqlDialect.OTHER));
  }

  private static boolean isDummy(String table) {
    for (String d : DUMMY_TABLES) {
      if (d.equalsIgnoreCase(table)) {
        return true;
      }
    }
    return false;
  }
}
