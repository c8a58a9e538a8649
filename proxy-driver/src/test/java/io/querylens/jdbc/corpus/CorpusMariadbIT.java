package io.querylens.jdbc.corpus;

import io.querylens.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The plain JDBC and {@code JdbcTemplate} corpus on MariaDB through {@code QueryLens.wrap}, and a
 * known server delay.
 */
class CorpusMariadbIT extends CorpusTestBase {
  @Override
  TestDatabase database() {
    return TestDatabase.MARIADB;
  }

  @Test
  void sleepIsDatabaseExecuteTime() throws Exception {
    assertServerSleepIsExecuteTime("select sleep(0.2)", 0.2);
  }
}
