package io.querylens.core.internal.sql;

import static io.querylens.core.SqlDialect.H2;
import static io.querylens.core.SqlDialect.MYSQL;
import static io.querylens.core.SqlDialect.ORACLE;
import static io.querylens.core.SqlDialect.OTHER;
import static io.querylens.core.SqlDialect.POSTGRESQL;
import static io.querylens.core.SqlDialect.SQLITE;
import static io.querylens.core.SqlDialect.SQL_SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.querylens.core.SqlDialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each dialect's own quoting, escaping and comment rules, one row per rule: the statements are
 * valid on that database, and every {@code SECRET} in them is a literal or a comment. Before the
 * normaliser knew dialects, each of these rows leaked.
 */
class SqlDialectRulesTest {
  private static final String CUT = SqlNormalizer.TRUNCATION_MARKER;

  private static Arguments c(SqlDialect dialect, String sql, String shape) {
    return arguments(dialect, sql, shape);
  }

  static Stream<Arguments> backslashes() {
    return Stream.of(
        c(
            POSTGRESQL,
            "select * from t where a like 'a\\_b' escape '\\' and x = 'SECRET'",
            "select * from t where a like ? escape ? and x = ?"),
        c(POSTGRESQL, "select 'C:\\' as a, 'SECRET' as b", "select ? as a, ? as b"),
        c(
            POSTGRESQL,
            "select * from t where a like 'x\\%' {escape '\\'} and b = 'SECRET'",
            "select * from t where a like ? {escape ?} and b = ?"),
        c(POSTGRESQL, "select E'it\\'s', 'SECRET'", "select ?, ?"),
        c(POSTGRESQL, "select U&'\\0041', 'SECRET'", "select ?, ?"),
        c(
            H2,
            "select * from t where a like 'a\\_b' escape '\\' and x = 'SECRET'",
            "select * from t where a like ? escape ? and x = ?"),
        c(H2, "select 'C:\\' as a, 'SECRET' as b", "select ? as a, ? as b"),
        c(SQL_SERVER, "select 'C:\\' as a, 'SECRET' as b", "select ? as a, ? as b"),
        // MariaDB/MySQL: NO_BACKSLASH_ESCAPES may or may not be on: cut where it matters
        c(MYSQL, "select 'C:\\' as a, 'SECRET' as b", "select " + CUT),
        c(MYSQL, "select 'it\\'s' as a, 'SECRET' as b", "select " + CUT),
        c(MYSQL, "select \"C:\\\" as a, \"SECRET\" as b", "select " + CUT),
        c(MYSQL, "select 'a\\\\' as a, 'SECRET' as b", "select ? as a, ? as b"),
        c(MYSQL, "select 'a\\_b', 'SECRET'", "select ?, ?"),
        c(OTHER, "select 'C:\\' as a, 'SECRET' as b", "select " + CUT));
  }

  static Stream<Arguments> quotes() {
    return Stream.of(
        c(MYSQL, "select \"SECRET\" as a, `b``c` from t", "select ? as a, `b``c` from t"),
        c(
            POSTGRESQL,
            "select \"Name\" from t where \"x\" = 'SECRET'",
            "select \"Name\" from t where \"x\" = ?"),
        c(
            SQL_SERVER,
            "select [it's] from t where a = 'SECRET'",
            "select [it's] from t where a = ?"),
        c(SQL_SERVER, "select a [it's], 'SECRET'", "select a [it's], ?"),
        c(SQLITE, "select \"SECRET\" from t", "select ? from t"),
        c(H2, "select x[1] from t where a = 'SECRET'", "select x[?] from t where a = ?"),
        c(H2, "select 1 [it's], 'SECRET'", "select ? " + CUT),
        c(ORACLE, "select q'[it's]', 'SECRET' from dual", "select ?, ? from dual"),
        c(POSTGRESQL, "select q'[x]', 'SECRET'", "select q?, ?"),
        c(OTHER, "select q'[it's]', 'SECRET'", "select " + CUT));
  }

  static Stream<Arguments> comments() {
    return Stream.of(
        c(MYSQL, "select 1 #SECRET\n, 2", "select ? , ?"),
        c(MYSQL, "select 1 # SECRET\n, 2", "select ? , ?"),
        c(MYSQL, "#password=SECRET\nselect 1", "select ?"),
        c(MYSQL, "select 1--'SECRET'", "select ?--?"),
        c(MYSQL, "select 1 -- SECRET\n", "select ?"),
        c(MYSQL, "select 1 --\tSECRET\n", "select ?"),
        c(MYSQL, "select 1 # it's\r, SECRET '\n, 2", "select ? , ?"),
        c(MYSQL, "select 1 -- it's\r SECRET '\n", "select ?"),
        c(MYSQL, "select /* a /* b */ 'SECRET' as c", "select ? as c"),
        c(MYSQL, "select 1 /*!50000 + 'SECRET' */", "select ? " + CUT),
        c(MYSQL, "select 1 /*M! + 'SECRET' */", "select ? " + CUT),
        c(POSTGRESQL, "select /* a /* b */ 'SECRET' */ 1", "select ?"),
        c(POSTGRESQL, "select 1 -- it's\r, 'SECRET'", "select ? , ?"),
        c(POSTGRESQL, "select 5 # 3, 'SECRET'", "select ? # ?, ?"),
        c(POSTGRESQL, "#SECRET", "#SECRET"),
        c(H2, "select 1 // it's SECRET\n, 2", "select ? , ?"),
        c(H2, "select 1 -- it's\r, 'SECRET'", "select ? , ?"),
        c(H2, "select /* a /* b */ 'SECRET' */ 1", "select ?"),
        c(SQL_SERVER, "select 1 -- it's\r, 'SECRET'", "select ? " + CUT),
        c(SQLITE, "select 1 -- it's\r SECRET '\n", "select ?"),
        c(ORACLE, "select 1 /* a /* b */ 'SECRET' from dual", "select ? " + CUT),
        c(OTHER, "select 1 # it's\n, 'SECRET'", "select ? " + CUT),
        c(OTHER, "select 1 // it's\n, 'SECRET'", "select ? " + CUT),
        c(OTHER, "select 1 --it's\n, 'SECRET'", "select ? " + CUT),
        c(OTHER, "select 1 -- SECRET\n, 2", "select ? , ?"));
  }

  static Stream<Arguments> dollarQuotes() {
    String longTag = "t".repeat(80);
    return Stream.of(
        c(POSTGRESQL, "select $ä$SECRET'$ä$, 1", "select ?, ?"),
        c(POSTGRESQL, "select $名前$SECRET'$名前$, 1", "select ?, ?"),
        c(POSTGRESQL, "select $_a1$SECRET'$_a1$, 1", "select ?, ?"),
        c(POSTGRESQL, "select $" + longTag + "$SECRET'$" + longTag + "$", "select " + CUT),
        c(POSTGRESQL, "select $\u00a0$SECRET'$\u00a0$", "select " + CUT),
        c(POSTGRESQL, "select a$b$ from t where c = 'SECRET'", "select a$b$ from t where c = ?"),
        c(H2, "select $$SECRET'$$, 1", "select ?, ?"),
        c(H2, "select $t$SECRET$t$", "select " + CUT),
        c(OTHER, "select $$SECRET$$", "select " + CUT),
        c(MYSQL, "select $a$ from t where c = 'SECRET'", "select $a$ from t where c = ?"));
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        c(POSTGRESQL, "select (array[1,2,3])[:31337]", "select (array[?])[:?]"),
        c(POSTGRESQL, "select a[1:31337], a[31337:]", "select a[?:?], a[?:]"),
        c(H2, "select a[:31337]", "select a[:?]"),
        c(SQL_SERVER, "select $31337.50", "select ?"),
        c(POSTGRESQL, "select ?31337", "select ?"),
        c(OTHER, "select $31337", "select ?"),
        c(ORACLE, "select :31337 from dual", "select :31337 from dual"));
  }

  static Stream<Arguments> unknownCharacters() {
    return Stream.of(
        c(POSTGRESQL, "select 1\u0000'SECRET'", "select ? " + CUT),
        c(POSTGRESQL, "select 1 \u0001 SECRET", "select ? " + CUT),
        c(POSTGRESQL, "select a\uD800b, 'SECRET'", "select a " + CUT),
        c(POSTGRESQL, "select \u0085 SECRET", "select " + CUT),
        c(POSTGRESQL, "select \uD83D\uDE00 from t", "select \uD83D\uDE00 from t"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource({
    "backslashes",
    "quotes",
    "comments",
    "dollarQuotes",
    "numbers",
    "unknownCharacters"
  })
  void readsSqlAsItsDatabaseDoes(SqlDialect dialect, String sql, String shape) {
    assertThat(SqlNormalizer.shape(sql, dialect).text()).isEqualTo(shape);
  }

  @Test
  void everyKnownSystemNameHasItsDialect() {
    assertThat(SqlDialect.of("postgresql")).isEqualTo(POSTGRESQL);
    assertThat(SqlDialect.of("mariadb")).isEqualTo(MYSQL);
    assertThat(SqlDialect.of("mysql")).isEqualTo(MYSQL);
    assertThat(SqlDialect.of("h2database")).isEqualTo(H2);
    assertThat(SqlDialect.of("microsoft.sql_server")).isEqualTo(SQL_SERVER);
    assertThat(SqlDialect.of("oracle.db")).isEqualTo(ORACLE);
    assertThat(SqlDialect.of("ibm.db2")).isEqualTo(SqlDialect.DB2);
    assertThat(SqlDialect.of("sqlite")).isEqualTo(SQLITE);
    assertThat(SqlDialect.of("hsqldb")).isEqualTo(SqlDialect.HSQLDB);
    assertThat(SqlDialect.of("derby")).isEqualTo(SqlDialect.DERBY);
    assertThat(SqlDialect.of("other_sql")).isEqualTo(OTHER);
    assertThat(SqlDialect.of(null)).isEqualTo(OTHER);
  }
}
