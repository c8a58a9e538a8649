package io.querylens.core;

import static io.querylens.core.SqlDialect.H2;
import static io.querylens.core.SqlDialect.MYSQL;
import static io.querylens.core.SqlDialect.ORACLE;
import static io.querylens.core.SqlDialect.POSTGRESQL;
import static io.querylens.core.SqlDialect.SQL_SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.querylens.core.intercept.QueryShapes;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryShapeTest {
  /** dialect, SQL, operation, summary, tables ("" for none, else separated by '|'). */
  private static Arguments c(
      SqlDialect dialect, String sql, String operation, String summary, String tables) {
    return arguments(dialect, sql, operation, summary, tables);
  }

  private static Arguments c(String sql, String operation, String summary, String tables) {
    return c(POSTGRESQL, sql, operation, summary, tables);
  }

  static Stream<Arguments> statements() {
    return Stream.of(
        // single tables, the exporter's cases
        c("select * from owners where id = 42", "SELECT", "SELECT owners", "owners"),
        c("select 1", "SELECT", "SELECT", ""),
        c("insert into visits (id, pet_id) values (1, 2)", "INSERT", "INSERT visits", "visits"),
        c("update pets set name = 'x' where id = 1", "UPDATE", "UPDATE pets", "pets"),
        c("delete from visits where id = 3", "DELETE", "DELETE visits", "visits"),
        c("call refresh_stats(1)", "CALL", "CALL refresh_stats", "refresh_stats"),
        c("{? = call next_id(?)}", "CALL", "CALL next_id", "next_id"),
        c("values (1), (2)", "VALUES", "VALUES", ""),
        c("set search_path to app", "SET", "SET", ""),
        c("create table t (id int)", "CREATE", "CREATE", ""),
        // joins and FROM lists
        c(
            "select o.id from owners o join pets p on p.owner_id = o.id",
            "SELECT",
            "SELECT owners pets",
            "owners|pets"),
        c(
            "SELECT * FROM t1 LEFT OUTER JOIN t2 ON t1.a = t2.a NATURAL JOIN t3",
            "SELECT",
            "SELECT t1 t2 t3",
            "t1|t2|t3"),
        c(
            "SELECT * FROM songs, artists WHERE a = b",
            "SELECT",
            "SELECT songs artists",
            "songs|artists"),
        c(
            "select * from a x, b as y, c where x.id in (1, 2) order by x.a, y.b",
            "SELECT",
            "SELECT a b c",
            "a|b|c"),
        c("select * from t1 join t1 on t1.a = t1.b", "SELECT", "SELECT t1", "t1"),
        c("select * from t1 cross join lateral f(t1.a) g", "SELECT", "SELECT t1 f", "t1|f"),
        // subqueries
        c("select * from (select id from owners) t", "SELECT", "SELECT owners", "owners"),
        c(
            "SELECT * FROM customers WHERE EXISTS (SELECT 1 FROM orders WHERE customer_id = 7)",
            "SELECT",
            "SELECT customers SELECT orders",
            "customers|orders"),
        c(
            "select (select count(*) from pets p where p.owner_id = o.id) from owners o",
            "SELECT",
            "SELECT pets owners",
            "pets|owners"),
        c(
            "select * from t where id in (select t_id from u where v in (1, 2, 3))",
            "SELECT",
            "SELECT t SELECT u",
            "t|u"),
        c(
            "select * from (select a from x) p, (select b from y) q",
            "SELECT",
            "SELECT x SELECT y",
            "x|y"),
        c("select a from t union all select a from u", "SELECT", "SELECT t SELECT u", "t|u"),
        // not tables: function arguments, IS DISTINCT FROM
        c(
            "select extract(year from created), substring(name from 2 for 3) from visits",
            "SELECT",
            "SELECT visits",
            "visits"),
        c("select a is distinct from b from t", "SELECT", "SELECT t", "t"),
        c("select nextval('order_seq')", "SELECT", "SELECT", ""),
        // INSERT ... SELECT, UPDATE and DELETE with subqueries
        c(
            "INSERT INTO shipping_details (order_id, address) SELECT order_id, address FROM"
                + " orders WHERE order_id = 5",
            "INSERT",
            "INSERT shipping_details SELECT orders",
            "shipping_details|orders"),
        c(
            "insert into t (a) values (1) on conflict (a) do update set a = excluded.a",
            "INSERT",
            "INSERT t",
            "t"),
        c(
            "update accounts set balance = (select sum(x) from moves where m = 1) where id = 2",
            "UPDATE",
            "UPDATE accounts SELECT moves",
            "accounts|moves"),
        c(
            "delete from visits where pet_id in (select id from pets where owner_id = 4)",
            "DELETE",
            "DELETE visits SELECT pets",
            "visits|pets"),
        c("update only t set a = 1", "UPDATE", "UPDATE t", "t"),
        c(
            "merge into t using s on (t.id = s.id) when matched then update set a = 1",
            "MERGE",
            "MERGE t",
            "t"),
        c("select * from t for update", "SELECT", "SELECT t", "t"),
        // common table expressions: their names are no tables
        c("with x as (select id from t) select * from x", "SELECT", "SELECT t SELECT", "t"),
        c(
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 9),"
                + " \"Y\" AS (SELECT * FROM u) SELECT * FROM r JOIN y ON true JOIN v ON true",
            "SELECT",
            "SELECT u SELECT v",
            "u|v"),
        c(
            "with gone as (delete from t where a = 1 returning *) insert into log select * from"
                + " gone",
            "INSERT",
            "DELETE t INSERT log SELECT",
            "t|log"),
        // schema-qualified and quoted names
        c("select * from \"Public\".\"Owners\"", "SELECT", "SELECT Public.Owners", "Public.Owners"),
        c("select * from app.owners o", "SELECT", "SELECT app.owners", "app.owners"),
        c(
            "select * from \"song list\" join \"a\"\"b\" on x",
            "SELECT",
            "SELECT \"song list\" \"a\"\"b\"",
            "\"song list\"|\"a\"\"b\""),
        c(MYSQL, "select * from `db`.`t` where a = \"x\"", "SELECT", "SELECT db.t", "db.t"),
        c(
            SQL_SERVER,
            "SELECT TOP 5 * FROM [dbo].[Users] u WITH (NOLOCK), [dbo].[Roles]",
            "SELECT",
            "SELECT dbo.Users dbo.Roles",
            "dbo.Users|dbo.Roles"),
        c(MYSQL, "insert ignore into t values (1)", "INSERT", "INSERT t", "t"),
        c(ORACLE, "select seq.nextval from dual", "SELECT", "SELECT dual", "dual"),
        c(
            H2,
            "select 1 from sysibm.sysdummy1",
            "SELECT",
            "SELECT sysibm.sysdummy1",
            "sysibm.sysdummy1"),
        // literals never make a table
        c(MYSQL, "select * from \"secret\"", "SELECT", "SELECT", ""),
        c("select * from 'secret', t", "SELECT", "SELECT t", "t"),
        // a cut shape keeps what was read before the cut
        c(
            MYSQL,
            "select * from a join b on a.x = b.x where s = 'it\\'s' union select * from c",
            "SELECT",
            "SELECT a b",
            "a|b"),
        c(POSTGRESQL, "select * from a, b.\u0000c", "SELECT", "SELECT a b", "a|b"),
        c(
            POSTGRESQL,
            "select * from a where x = 1 /* never closed select * from c",
            "SELECT",
            "SELECT a",
            "a"),
        // no operation: no tables, no summary
        c("'text' from t", "", "", ""));
  }

  @ParameterizedTest
  @MethodSource("statements")
  void readsOperationTablesAndSummaryWithTheShape(
      SqlDialect dialect, String sql, String operation, String summary, String tables) {
    QueryShape shape = QueryShapes.of(dialect, sql);
    List<String> expected = tables.isEmpty() ? List.of() : Arrays.asList(tables.split("\\|"));
    assertThat(shape.operation()).as("operation of %s", sql).isEqualTo(operation);
    assertThat(shape.summary()).as("summary of %s", sql).isEqualTo(summary);
    assertThat(shape.tables()).as("tables of %s", sql).isEqualTo(expected);
  }

  @Test
  void aShapeCutForLengthHasTheTablesOfTheTextItKeeps() {
    String sql =
        "select * from a where x in (select y from b where z = '"
            + "w".repeat(40_000)
            + "') or v = "
            + "c".repeat(40_000)
            + " and exists (select 1 from late)";
    QueryShape shape = QueryShapes.of(POSTGRESQL, sql);
    assertThat(shape.text()).endsWith("\u2026");
    assertThat(shape.tables()).containsExactly("a", "b");
    assertThat(shape.summary()).isEqualTo("SELECT a SELECT b");
  }

  @Test
  void theSummaryStopsBetweenWordsAt255Characters() {
    StringBuilder sql = new StringBuilder("select * from t0");
    for (int i = 1; i < 40; i++) {
      sql.append(" join table_number_").append(i).append(" on true");
    }
    QueryShape shape = QueryShapes.of(POSTGRESQL, sql.toString());
    assertThat(shape.summary())
        .hasSizeLessThanOrEqualTo(255)
        .startsWith("SELECT t0 table_number_1 ");
    assertThat(shape.summary()).matches("SELECT t0( table_number_\\d+)+");
    assertThat(shape.tables()).hasSize(16).startsWith("t0", "table_number_1");
  }

  @Test
  void aShapeBuiltByHandHasNoTablesAndItsOperationAsSummary() {
    QueryShape shape = new QueryShape(1, "select * from t", "SELECT");
    assertThat(shape.tables()).isEmpty();
    assertThat(shape.summary()).isEqualTo("SELECT");
    assertThat(shape.tables()).isSameAs(QueryShapes.of(POSTGRESQL, "select 1").tables());
  }

  @Test
  void tablesCannotBeChanged() {
    List<String> tables = QueryShapes.of(POSTGRESQL, "select * from a, b, c").tables();
    assertThat(tables).containsExactly("a", "b", "c");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tables.add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void dialectsAreFoundByTheirSystemName() {
    assertThat(SqlDialect.of("postgresql")).isEqualTo(POSTGRESQL);
    assertThat(SqlDialect.of("mariadb")).isEqualTo(MYSQL);
    assertThat(SqlDialect.of("no such database")).isEqualTo(SqlDialect.OTHER);
    assertThat(SqlDialect.of(null)).isEqualTo(SqlDialect.OTHER);
  }
}
