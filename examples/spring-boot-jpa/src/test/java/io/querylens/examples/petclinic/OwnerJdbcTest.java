package io.querylens.examples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.junit.MaxQueries;
import io.querylens.junit.NoNPlusOne;
import io.querylens.junit.QueryLensAssertions;
import io.querylens.junit.QueryLensRecording;
import io.querylens.junit.QueryLensTest;
import io.querylens.spring.QueryLensAutoConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring's {@code JdbcTemplate} in a {@code @JdbcTest} slice (which imports QueryLens's
 * auto-configuration only when asked), on the example's data in tables {@code jdbc-test-schema.sql}
 * makes (no Hibernate in this slice): one join passes {@code @NoNPlusOne} and
 * {@code @MaxQueries(1)}; a lookup per owner ({@link PetsOwnerByOwner}) fails {@code @NoNPlusOne}
 * at its own line, as {@link NPlusOneCaughtTest} checks.
 */
@JdbcTest(properties = OwnerJdbcTest.SCHEMA)
@ImportAutoConfiguration(QueryLensAutoConfiguration.class)
@QueryLensTest
class OwnerJdbcTest {
  static final String SCHEMA = "spring.sql.init.schema-locations=classpath:jdbc-test-schema.sql";
  static final String OWNERS_WITH_PETS =
      "select o.name, p.name from owner o join pet p on p.owner_id = o.id order by o.id, p.id";
  static final String PETS_OF_OWNER = "select name from pet where owner_id = ? order by id";

  @Autowired JdbcTemplate jdbc;

  @Test
  @NoNPlusOne
  @MaxQueries(1)
  void oneJoinReadsTheOwnersWithTheirPets(QueryLensRecording recording) {
    Map<String, List<String>> pets = new LinkedHashMap<>();
    jdbc.query(
        OWNERS_WITH_PETS,
        rs -> {
          pets.computeIfAbsent(rs.getString(1), owner -> new ArrayList<>()).add(rs.getString(2));
        });

    assertThat(pets).hasSize(10).allSatisfy((owner, names) -> assertThat(names).hasSize(2));
    QueryLensAssertions.assertThat(recording).executed(OWNERS_WITH_PETS).times(1); // recorded
  }

  /**
   * The N+1 the budget catches: one query per owner. Run only by {@link NPlusOneCaughtTest},
   * outside this class's test transaction.
   */
  @JdbcTest(properties = SCHEMA)
  @ImportAutoConfiguration(QueryLensAutoConfiguration.class)
  @QueryLensTest
  static class PetsOwnerByOwner {
    @Autowired JdbcTemplate jdbc;

    @Test
    @NoNPlusOne
    void petsOfEachOwner() {
      for (long owner : jdbc.queryForList("select id from owner order by id", Long.class)) {
        assertThat(jdbc.queryForList(PETS_OF_OWNER, String.class, owner)).hasSize(2);
      }
    }
  }
}
