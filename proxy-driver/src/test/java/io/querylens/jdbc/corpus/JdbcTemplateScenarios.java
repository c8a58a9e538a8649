package io.querylens.jdbc.corpus;

import static io.querylens.jdbc.corpus.ExpectedFinding.nPlusOne;
import static io.querylens.jdbc.corpus.PlainJdbcScenarios.ALL_OWNERS;
import static io.querylens.jdbc.corpus.PlainJdbcScenarios.INSERT_VISIT;
import static io.querylens.jdbc.corpus.PlainJdbcScenarios.OWNER_BY_ID;
import static io.querylens.jdbc.corpus.PlainJdbcScenarios.PETS_OF_OWNER;
import static io.querylens.jdbc.corpus.Scenario.scoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The Spring {@code JdbcTemplate} scenarios of the corpus, run on H2, PostgreSQL and MariaDB: the
 * template takes a connection from the DataSource for each call and gives it back, so a loop of
 * calls is a loop of connections as well as of statements. The call site of a finding is the line
 * that calls the template (Spring's frames are skipped).
 */
final class JdbcTemplateScenarios {
  static final String PETS_OF_OWNERS =
      "select id, name from corpus_pet where owner_id in (:owners)";
  static final String OWNERS_WITH_PETS =
      "select o.id, o.name, p.name from corpus_owner o join corpus_pet p on p.owner_id = o.id"
          + " order by o.id, p.id";

  static final RowMapper<Long> id = (rs, row) -> rs.getLong("id");
  static final RowMapper<String> name = (rs, row) -> rs.getString("name");

  static final CallSite lookupPerRow = new CallSite("queryForObject per row");
  static final CallSite queryInRowMapper = new CallSite("query in a RowMapper");

  private JdbcTemplateScenarios() {}

  static List<Scenario> all() {
    return List.of(
        scoped(
            "JdbcTemplate queryForObject per row",
            JdbcTemplateScenarios::lookupPerRow,
            nPlusOne(OWNER_BY_ID, lookupPerRow)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        scoped(
            "JdbcTemplate query in a RowMapper",
            JdbcTemplateScenarios::queryInRowMapper,
            nPlusOne(PETS_OF_OWNER, queryInRowMapper)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        scoped("JdbcTemplate IN list of named parameters", JdbcTemplateScenarios::inList),
        scoped("JdbcTemplate join", JdbcTemplateScenarios::join),
        scoped("JdbcTemplate batchUpdate", JdbcTemplateScenarios::batchUpdate));
  }

  /** The owners' ids read into a list, then each owner's name looked up by id. */
  static void lookupPerRow(DataSource ds) {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    List<String> names = new ArrayList<>();
    for (long owner : jdbc.query(ALL_OWNERS, id)) {
      names.add(lookupPerRow.mark(jdbc).queryForObject(OWNER_BY_ID, name, owner));
    }
    expect(names.size(), CorpusSchema.OWNERS, "owner names");
  }

  /** A RowMapper of the owners that queries each owner's pets: inside the owners' open cursor. */
  static void queryInRowMapper(DataSource ds) {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    List<List<String>> pets =
        jdbc.query(
            ALL_OWNERS,
            (owner, row) ->
                queryInRowMapper.mark(jdbc).query(PETS_OF_OWNER, name, owner.getLong(1)));
    expect(pets.stream().mapToInt(List::size).sum(), CorpusSchema.PETS, "pets");
  }

  /** The owners' ids, then all their pets in one query with the ids as an expanded IN list. */
  static void inList(DataSource ds) {
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
    List<Long> ids = named.getJdbcTemplate().query(ALL_OWNERS, id);
    List<String> pets = named.query(PETS_OF_OWNERS, Map.of("owners", ids), name);
    expect(pets.size(), CorpusSchema.PETS, "pets");
  }

  /** The owners with their pets in one join. */
  static void join(DataSource ds) {
    List<String> pets = new JdbcTemplate(ds).query(OWNERS_WITH_PETS, (rs, row) -> rs.getString(3));
    expect(pets.size(), CorpusSchema.PETS, "pets");
  }

  /** One visit per pet through {@code batchUpdate}: one JDBC batch, one execution. */
  static void batchUpdate(DataSource ds) {
    List<Object[]> visits = new ArrayList<>();
    for (long pet = 1; pet <= CorpusSchema.PETS; pet++) {
      visits.add(new Object[] {pet, pet, "check-up"});
    }
    int[] inserted = new JdbcTemplate(ds).batchUpdate(INSERT_VISIT, visits);
    expect(inserted.length, CorpusSchema.PETS, "batched visits");
  }

  private static void expect(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException("read " + actual + " " + what + ", expected " + expected);
    }
  }
}
