package io.querylens.jdbc.corpus;

import io.querylens.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The plain JDBC and {@code JdbcTemplate} corpus on PostgreSQL through {@code QueryLens.wrap}, and
 * a known server delay.
 */
class CorpusPostgresqlIT extends CorpusTestBase {
  @Override
  TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }

  @Test
  void pgSleepIsDatabaseExecuteTime() throws Exception {
    assertServerSleepIsExecuteTime("select pg_sleep(0.2)", 0.2);
  }
}
