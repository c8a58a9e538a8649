package io.querylens.core.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.SqlDialect;
import io.querylens.core.internal.sql.SqlNormalizer;
import org.junit.jupiter.api.Test;

class ShapeKindsTest {
  private static boolean judged(String sql) {
    var shape = SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL);
    return ShapeKinds.judged(shape, ShapeKinds.of(shape.operation()));
  }

  @Test
  void readsAndWritesOfTablesAreJudged() {
    assertThat(judged("select * from owners where id = ?")).isTrue();
    assertThat(judged("SELECT o.id FROM orders o JOIN lines l ON l.order_id = o.id")).isTrue();
    assertThat(judged("with x as (select id from t) select * from x")).isTrue();
    assertThat(judged("insert into t values (?, ?)")).isTrue();
    assertThat(judged("update t set a = ? where id = ?")).isTrue();
    assertThat(judged("delete from t where id = ?")).isTrue();
    assertThat(judged("merge into t using s on (t.id = s.id) when matched then update set a = 1"))
        .isTrue();
    assertThat(judged("select 1 from dual where exists (select 1 from orders)")).isTrue();
  }

  @Test
  void connectionChecksSequencesAndOtherStatementsAreNot() {
    assertThat(judged("select 1")).isFalse();
    assertThat(judged("SELECT 1 FROM DUAL")).isFalse();
    assertThat(judged("select 1 from sysibm.sysdummy1")).isFalse();
    assertThat(judged("select nextval('order_seq')")).isFalse();
    assertThat(judged("values next value for order_seq")).isFalse();
    assertThat(judged("select fromage, from_date")).isFalse();
    assertThat(judged("call refresh_stats(?)")).isFalse();
    assertThat(judged("set search_path to app")).isFalse();
    assertThat(judged("create table t (id int)")).isFalse();
  }

  @Test
  void operationsAreClassified() {
    assertThat(ShapeKinds.of("SELECT")).isEqualTo(ShapeKinds.READ);
    assertThat(ShapeKinds.of("VALUES")).isEqualTo(ShapeKinds.READ);
    assertThat(ShapeKinds.of("INSERT")).isEqualTo(ShapeKinds.WRITE);
    assertThat(ShapeKinds.of("MERGE")).isEqualTo(ShapeKinds.WRITE);
    assertThat(ShapeKinds.of("CALL")).isEqualTo(ShapeKinds.OTHER);
    assertThat(ShapeKinds.of("")).isEqualTo(ShapeKinds.OTHER);
  }

  @Test
  void judgingReadsTheTablesTheNormaliserFoundWithoutRescanningTheText() {
    assertThat(judged("select 1 from dual join orders on true")).isTrue();
    assertThat(judged("select * from (select 1) x")).isFalse();
    assertThat(judged("select extract(year from now())")).isFalse();
    assertThat(judged("with x as (select 1 as id) select * from x")).isFalse();
    assertThat(judged("select * from \"DUAL\"")).isFalse();
    assertThat(ShapeKinds.readsTable("select * from orders")).isTrue();
    assertThat(ShapeKinds.readsTable("select 1 from dual")).isFalse();
  }
}
