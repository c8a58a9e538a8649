package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SqlShortenerTest {
  /** What Hibernate 6 generates for spring-petclinic's owner search (one line, as normalised). */
  static final String OWNER_SEARCH =
      "select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone,"
          + "p1_0.owner_id,p1_0.id,p1_0.birth_date,p1_0.name,p1_0.type_id from owners o1_0"
          + " left join pets p1_0 on o1_0.id=p1_0.owner_id where o1_0.last_name like ? escape ''"
          + " offset ? rows fetch first ? rows only";

  /** The same select list and joins, by id. */
  static final String OWNER_BY_ID =
      "select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone,"
          + "p1_0.owner_id,p1_0.id,p1_0.birth_date,p1_0.name,p1_0.type_id from owners o1_0"
          + " left join pets p1_0 on o1_0.id=p1_0.owner_id where o1_0.id=?";

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  @Test
  void sqlThatFitsIsUnchanged() {
    assertThat(SqlShortener.shorten("select a from t where b = ?", 27))
        .isEqualTo("select a from t where b = ?");
  }

  @Test
  void theSelectListLosesItsMiddleFirstKeepingAsManyLeadingColumnsAsFit() {
    String sql =
        "select o.id, o.first_name, o.last_name, o.city, o.telephone from owners o where o.id = ?";

    assertThat(SqlShortener.shorten(sql, 83))
        .isEqualTo(
            "select o.id, o.first_name, o.last_name, …, o.telephone from owners o where o.id = ?");
    assertThat(SqlShortener.shorten(sql, 60))
        .isEqualTo("select o.id, …, o.telephone from owners o where o.id = ?");
  }

  @Test
  void longHibernateSqlKeepsItsStartItsFromAndItsWhere() {
    String shortened = SqlShortener.shorten(OWNER_SEARCH, 86);

    assertThat(length(shortened)).isLessThanOrEqualTo(86);
    assertThat(shortened)
        .startsWith("select o1_0.id, …")
        .contains(" from owners o1_0 left join ")
        .contains(" where o1_0.last_name like ?");
  }

  @Test
  void theWhereClauseTakesRoomBeforeTheClausesAfterIt() {
    String shortened = SqlShortener.shorten(OWNER_SEARCH, 70);

    assertThat(shortened).contains("where o1_0.last_name like ?").doesNotContain("fetch first");
  }

  @Test
  void twoShapesThatDifferOnlyInTheirWhereStayApart() {
    // cut from the end, both printed as "select o1_0.id,o1_0.address,... from owners o1_0 left…"
    String search = SqlShortener.shorten(OWNER_SEARCH, 86);
    String byId = SqlShortener.shorten(OWNER_BY_ID, 86);

    assertThat(search).isNotEqualTo(byId);
    assertThat(byId).endsWith("where o1_0.id=?");
  }

  @Test
  void anUpdateKeepsItsTableAndItsWhere() {
    String sql =
        "update owners set address = ?, city = ?, first_name = ?, last_name = ?, telephone = ?,"
            + " version = ? where id = ? and version = ?";

    String shortened = SqlShortener.shorten(sql, 60);

    assertThat(length(shortened)).isLessThanOrEqualTo(60);
    assertThat(shortened)
        .startsWith("update owners set ")
        .endsWith(" where id = ? and version = ?");
  }

  @Test
  void aStatementWithoutWhereOrSelectListIsCutInTheMiddle() {
    String sql =
        "insert into visits (pet_id, visit_date, description, created_at, created_by, status)"
            + " values (?, ?, ?, ?, ?, ?)";

    String shortened = SqlShortener.shorten(sql, 60);

    assertThat(length(shortened)).isLessThanOrEqualTo(60);
    assertThat(shortened).startsWith("insert into visits (").contains(" … ").endsWith("?, ?)");
  }

  @Test
  void aFromInsideParenthesesOrQuotesIsNotTheStatementsFrom() {
    String sql =
        "select t.a, (select max(u.x) from u where u.id = t.id) as m, 'from' as w, t.b, t.c, t.d"
            + " from things t where t.kind = ?";

    String shortened = SqlShortener.shorten(sql, 70);

    assertThat(shortened).startsWith("select t.a, ").endsWith(" from things t where t.kind = ?");
    assertThat(length(shortened)).isLessThanOrEqualTo(70);
  }

  @Test
  void neverLongerThanAskedAndNeverSplitsASurrogatePair() {
    Random random = new Random(12);
    String[] words = {
      "select",
      "from",
      "where",
      "order",
      "by",
      "(",
      ")",
      ",",
      "'x'",
      "\"😀\"",
      "a.b",
      "?",
      "=",
      "and",
      "t1_0.col",
      "😀😀",
      "join",
      "on",
      "limit",
      "insert",
      "values"
    };
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sql = new StringBuilder(n % 3 == 0 ? "select " : "");
      int count = 1 + random.nextInt(60);
      for (int i = 0; i < count; i++) {
        sql.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
      }
      String text = ConsoleReport.oneLine(sql.toString(), Integer.MAX_VALUE);
      int max = 1 + random.nextInt(120);

      String shortened = SqlShortener.shorten(text, max);

      assertThat(length(shortened)).as("%s at %d", text, max).isLessThanOrEqualTo(max);
      for (int i = 0; i < shortened.length(); i++) {
        char c = shortened.charAt(i);
        if (Character.isHighSurrogate(c)) {
          assertThat(Character.isLowSurrogate(shortened.charAt(++i))).as(shortened).isTrue();
        } else {
          assertThat(Character.isLowSurrogate(c)).as(shortened).isFalse();
        }
      }
      if (length(text) <= max) {
        assertThat(shortened).isEqualTo(text);
      } else {
        assertThat(shortened).contains("…");
      }
    }
  }
}
