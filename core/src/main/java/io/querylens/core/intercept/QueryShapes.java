package io.querylens.core.intercept;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.internal.sql.SqlNormalizer;

/**
 * Query shapes read from SQL without any cache, for QueryLens's benchmarks and tests and for tools
 * that have SQL but no connection. Executions get theirs from {@link Recording#shapeOf}, which
 * caches them so that each distinct statement is read once.
 */
public final class QueryShapes {
  private QueryShapes() {}

  /**
   * The shape of {@code sql} as {@code dialect} reads it, read now in one pass: text, operation,
   * tables and summary. {@code null} reads as {@code ""}; never throws.
   */
  public static QueryShape of(SqlDialect dialect, String sql) {
    return SqlNormalizer.shape(sql, dialect);
  }
}
