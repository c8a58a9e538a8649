package io.querylens.jdbc.corpus;

import io.querylens.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The whole corpus, plain JDBC, {@code JdbcTemplate} and Hibernate ORM, on H2 through the {@code
 * jdbc:querylens:} URL.
 */
class CorpusH2IT extends CorpusTestBase {
  private OrmFixture orm;

  @Override
  TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  void beforeScenarios(DataSource instrumented) {
    orm = new OrmFixture(instrumented);
  }

  @Override
  List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>(jdbcScenarios());
    all.addAll(HibernateScenarios.all(orm));
    return all;
  }

  @Override
  void afterScenarios() {
    if (orm != null) {
      orm.close();
    }
  }
}
