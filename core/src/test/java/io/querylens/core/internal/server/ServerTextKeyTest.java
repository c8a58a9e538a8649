package io.querylens.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.SqlDialect;
import io.querylens.core.internal.sql.SqlNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerTextKeyTest {

  /** What the client sent, and what pg_stat_statements keeps for it. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "select name from pets where owner_id = ?|select name from pets where owner_id = $1",
        "select * from t where id in (?, ?, ?)|select * from t where id in ($1, $2, $3, $4)",
        "select pg_sleep(0.2)|select pg_sleep($1)",
        "select * from t order by a limit 10|select * from t order by a limit $1",
        "insert into t (a, b) values (1, 'x'), (2, 'y')|insert into t (a, b) values ($1, $2), ($3, $4)",
        "SELECT \"Name\" FROM \"Pets\" WHERE x = 'a'|SELECT \"Name\" FROM \"Pets\" WHERE x = $1",
      })
  void postgresqlTextsMeetTheirShapes(String client, String server) {
    assertThat(ServerTextKey.ofServerText(server, SqlDialect.POSTGRESQL))
        .isEqualTo(shapeKey(client, SqlDialect.POSTGRESQL));
  }

  /** What the client sent, and MariaDB's digest text for it. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "select name from pets where owner_id = ?|SELECT `name` FROM `pets` WHERE `owner_id` = ?",
        "select * from t where id in (1, 2, 3)|SELECT * FROM `t` WHERE `id` IN (...)",
        "insert into t(a,b) values (1,'x'),(2,'y')|INSERT INTO `t` (`a`,`b`) VALUES (...) /* , ... */",
        "select a.x from test.t a|SELECT `a` . `x` FROM `test` . `t` `a`",
        "select count(*) from t where a > 5|SELECT COUNT ( * ) FROM `t` WHERE `a` > ?",
        "select sleep(0.3)|SELECT `sleep` (?)",
      })
  void mariadbDigestsMeetTheirShapes(String client, String server) {
    assertThat(ServerTextKey.ofServerText(server, SqlDialect.MYSQL))
        .isEqualTo(shapeKey(client, SqlDialect.MYSQL));
  }

  /**
   * Digest texts MariaDB 10.11 wrote for these statements (events_statements_summary_by_digest).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "insert into ql_maria_probe(id,name,v) values (1,'a',1),(2,'b',2) on duplicate key update v=v"
            + "|INSERT INTO `ql_maria_probe` ( ID , NAME , `v` ) VALUES (...) /* , ... */ ON DUPLICATE"
            + " KEY UPDATE `v` = `v` ",
        "select name from ql_maria_probe where id in (1,2,3)"
            + "|SELECT NAME FROM `ql_maria_probe` WHERE ID IN (...) ",
        "select p.name from test.ql_maria_probe p where p.id = 1 and p.name like 'x%' order by p.v"
            + " desc limit 10|SELECT `p` . `name` FROM `test` . `ql_maria_probe` `p` WHERE `p` . `id`"
            + " = ? AND `p` . `name` LIKE ? ORDER BY `p` . `v` DESC LIMIT ? ",
        "update ql_maria_probe set v = v + 1 where id = 1"
            + "|UPDATE `ql_maria_probe` SET `v` = `v` + ? WHERE ID = ? ",
        "select coalesce(max(v),0), upper(name) from ql_maria_probe group by name having count(*) > 1"
            + "|SELECT COALESCE ( MAX ( `v` ) , ? ) , `upper` ( NAME ) FROM `ql_maria_probe` GROUP BY"
            + " NAME HAVING COUNT ( * ) > ? ",
        "select * from ql_maria_probe where id = -1 or name is null"
            + "|SELECT * FROM `ql_maria_probe` WHERE ID = - ? OR NAME IS NULL ",
        "select id from ql_maria_probe where id between 1 and 5 and name <> 'z'"
            + "|SELECT ID FROM `ql_maria_probe` WHERE ID BETWEEN ? AND ? AND NAME != ? ",
        "select 1|SELECT ? ",
        "update ql_maria_probe set v = v - 1 where id = -2|UPDATE `ql_maria_probe` SET `v` = `v` - ?"
            + " WHERE ID = - ? ",
        "select * from ql_maria_probe for update|SELECT * FROM `ql_maria_probe` FOR UPDATE ",
      })
  void realMariadbDigestsMeetTheirShapes(String client, String server) {
    assertThat(ServerTextKey.ofServerText(server, SqlDialect.MYSQL))
        .isEqualTo(shapeKey(client, SqlDialect.MYSQL));
  }

  @Test
  void differentStatementsKeepDifferentKeys() {
    assertThat(ServerTextKey.ofServerText("select a from t where b = $1", SqlDialect.POSTGRESQL))
        .isNotEqualTo(shapeKey("select a from t where c = ?", SqlDialect.POSTGRESQL))
        .isNotEqualTo(shapeKey("select ab from t where b = ?", SqlDialect.POSTGRESQL));
    assertThat(ServerTextKey.ofServerText("select a b from t", SqlDialect.POSTGRESQL))
        .isNotEqualTo(shapeKey("select ab from t", SqlDialect.POSTGRESQL));
  }

  @Test
  void dollarsInsideQuotesOrNamesStay() {
    assertThat(ServerTextKey.dollarParameters("select '$1', a$1 from t where x = $12"))
        .isEqualTo("select '$1', a$1 from t where x = ?");
  }

  private static String shapeKey(String sql, SqlDialect dialect) {
    return ServerTextKey.ofShapeText(SqlNormalizer.shape(sql, dialect).text());
  }
}
