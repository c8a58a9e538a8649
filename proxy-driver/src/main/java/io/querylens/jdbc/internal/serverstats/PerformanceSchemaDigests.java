package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.Database;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.ServerStatistics;
import java.sql.Connection;

/** Placeholder for the {@code performance_schema} source, written separately; reads nothing yet. */
final class PerformanceSchemaDigests implements StatsSource {
  PerformanceSchemaDigests() {}

  @Override
  public String name() {
    return "performance_schema";
  }

  @Override
  public String unavailableReason(Connection connection) {
    return null;
  }

  @Override
  public int read(
      Connection connection, Database database, SqlDialect dialect, ServerStatistics into) {
    return 0;
  }

  @Override
  public void sample(
      Connection connection, Database database, ServerStatistics into, long intervalNanos) {}

  @Override
  public void explain(Connection connection, Database database, ServerStatistics into, int max) {}
}
