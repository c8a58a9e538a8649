package io.querylens.jdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.petclinic.Fixtures;
import io.querylens.core.FindingKind;
import io.querylens.junit.NoNPlusOne;
import io.querylens.junit.QueryLensTest;
import io.querylens.testing.DriverManagerDataSource;
import io.querylens.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus (plain JDBC, {@code JdbcTemplate} and Hibernate) on H2, each scenario a test
 * with {@code @NoNPlusOne}: every scenario labelled with an N+1 on the test's thread fails, every
 * other one passes.
 */
class CorpusUnderJUnitTest {
  /**
   * Where the test being the unit of work differs from the corpus's own units, and why: these
   * expect the opposite of their label.
   */
  static final Map<String, String> DIFFERENT_UNIT =
      Map.of(
          "two threads, an N+1 each",
          "its N+1s run on threads the test started: a test judges its own thread only",
          "twenty one-lookup transactions",
          "twenty transactions are twenty units in production, but one test is one unit: twenty"
              + " lookups of one shape in a test are the N+1 a test should show");

  @Test
  void everyNPlusOneScenarioFailsAndEverySilentOnePasses() {
    Map<String, Throwable> outcomes = Fixtures.run(Scenarios.class);

    assertThat(outcomes).hasSize(Scenarios.all.size());
    for (Scenario scenario : Scenarios.all.values()) {
      boolean nPlusOne =
          scenario.expected().stream().anyMatch(e -> e.kind().equals(FindingKind.N_PLUS_ONE));
      boolean fails = nPlusOne != DIFFERENT_UNIT.containsKey(scenario.name());
      Throwable outcome = outcomes.get(scenario.name());
      if (fails) {
        assertThat(outcome.getMessage())
            .as(scenario.name())
            .startsWith("@NoNPlusOne: ")
            .contains(" in unit Scenarios.scenario() " + scenario.name() + "\n");
      } else {
        assertThat(outcome).as(scenario.name()).isSameAs(Fixtures.PASSED);
      }
    }
  }

  /** One test per scenario, through the {@code jdbc:querylens:} URL. */
  @QueryLensTest
  @NoNPlusOne
  static class Scenarios {
    static final Map<String, Scenario> all = new LinkedHashMap<>();
    static DataSource raw;
    static DataSource instrumented;
    static OrmFixture orm;

    static {
      TestDatabase h2 = TestDatabase.H2;
      raw = h2.rawDataSource();
      instrumented =
          new DriverManagerDataSource(
              "jdbc:querylens:" + h2.url().substring("jdbc:".length()), h2.user(), h2.password());
      orm = new OrmFixture(instrumented);
      List<Scenario> scenarios = new ArrayList<>(CorpusTestBase.jdbcScenarios());
      scenarios.addAll(HibernateScenarios.all(orm));
      scenarios.forEach(s -> all.put(s.name(), s));
    }

    static List<String> names() {
      return List.copyOf(all.keySet());
    }

    @BeforeAll
    static void createTables() throws Exception {
      CorpusSchema.create(raw);
    }

    @AfterAll
    static void dropTables() throws Exception {
      orm.close();
      CorpusSchema.drop(raw);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void scenario(String name) throws Exception {
      CorpusSchema.clearVisits(raw); // not recorded: the raw DataSource
      all.get(name).body().run(instrumented);
    }
  }
}
