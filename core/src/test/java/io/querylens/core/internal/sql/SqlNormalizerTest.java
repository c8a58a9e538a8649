package io.querylens.core.internal.sql;

import static io.querylens.core.SqlDialect.H2;
import static io.querylens.core.SqlDialect.MYSQL;
import static io.querylens.core.SqlDialect.ORACLE;
import static io.querylens.core.SqlDialect.SQL_SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule: raw SQL on the left, its shape on the right. */
class SqlNormalizerTest {
  /** The rules not about one dialect are shown on PostgreSQL's. */
  private static final SqlDialect PG = SqlDialect.POSTGRESQL;

  private static String normalize(String sql) {
    return SqlNormalizer.shape(sql, PG).text();
  }

  private static Arguments c(String sql, String shape) {
    return arguments(PG, sql, shape);
  }

  private static Arguments c(SqlDialect dialect, String sql, String shape) {
    return arguments(dialect, sql, shape);
  }

  static Stream<Arguments> stringLiterals() {
    return Stream.of(
        c("SELECT * FROM t WHERE a = 'x'", "SELECT * FROM t WHERE a = ?"),
        c("a = 'it''s'", "a = ?"),
        c("a = 'ends with backslash\\\\'", "a = ?"),
        c("a = 'two' 'parts'", "a = ? ?"),
        c("a = ''", "a = ?"),
        c("a = E'line\\nbreak\\''", "a = ?"),
        c("a = e'x'", "a = ?"),
        c("a = N'名前'", "a = ?"),
        c("a = X'1F2e'", "a = ?"),
        c("a = x'1f'", "a = ?"),
        c("a = B'0101'", "a = ?"),
        c("a = b'1'", "a = ?"),
        c("a = U&'d\\0061t\\+000061'", "a = ?"),
        c(ORACLE, "a = q'[it's]'", "a = ?"),
        c(ORACLE, "a = Q'{a'b}'", "a = ?"),
        c(ORACLE, "a = q'(x')y)'", "a = ?"),
        c(ORACLE, "a = q'<it's>'", "a = ?"),
        c(ORACLE, "a = q'!it's!'", "a = ?"),
        c(ORACLE, "a = nq'[it's]'", "a = ?"),
        c("a = $$it's$$", "a = ?"),
        c("a = $$$$", "a = ?"),
        c("a = $tag$ $$ 'x' $tag$", "a = ?"),
        c("a = $a$x$b$y$a$", "a = ?"),
        c("a = $fn_1$body$fn_1$ AND b = 1", "a = ? AND b = ?"),
        c("a = DATE '2024-01-01'", "a = DATE ?"),
        c("a = _utf8mb4'x'", "a = _utf8mb4?"),
        c("{ts '2024-01-01 00:00:00'}", "{ts ?}"));
  }

  static Stream<Arguments> unterminatedLiterals() {
    return Stream.of(
        c("a = 'secret", "a = \u2026"),
        c(MYSQL, "a = 'secret\\' AND b = 1", "a = \u2026"),
        c("a = E'secret", "a = \u2026"),
        c("a = N'secret", "a = \u2026"),
        c("a = X'ab", "a = \u2026"),
        c("a = U&'secret", "a = \u2026"),
        c(ORACLE, "a = q'[secret'", "a = \u2026"),
        c(ORACLE, "a = q'", "a = \u2026"),
        c("a = $$secret", "a = \u2026"),
        c("a = $t$secret $x$", "a = \u2026"),
        c("a = \"secret", "a = \u2026"),
        c("a = `secret", "a = \u2026"),
        c(SQL_SERVER, "SELECT [secret", "SELECT \u2026"));
  }

  static Stream<Arguments> numbersAndSigns() {
    return Stream.of(
        c("LIMIT 10", "LIMIT ?"),
        c(
            "SELECT 1.5, .5, 1., 1e10, 1.5E-3, 2e+7, 0x1F, 0XfF, 0b101, 1_000_000",
            "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
        c("a = -1", "a = ?"),
        c("a=-1", "a=?"),
        c("a = +1.5e-3", "a = ?"),
        c("a = -.5", "a = ?"),
        c("a = -0x10", "a = ?"),
        c("a-1", "a-?"),
        c("a - 1", "a - ?"),
        c("a -1", "a -?"),
        c("a+1", "a+?"),
        c("1-1", "?-?"),
        c("(x)-1", "(x)-?"),
        c("f(x)[1]-2", "f(x)[?]-?"),
        c("? -1", "? -?"),
        c("$1-1", "$1-?"),
        c("'x'-1", "?-?"),
        c("f(-1, +2)", "f(?, ?)"),
        c("SELECT -1", "SELECT ?"),
        c("WHERE -1 < a AND -2 > b OR NOT -3 = c", "WHERE ? < a AND ? > b OR NOT ? = c"),
        c("CASE WHEN a THEN -1 ELSE -2 END - 1", "CASE WHEN a THEN ? ELSE ? END - ?"),
        c("a = - 1", "a = - ?"),
        c("a = +-1", "a = +?"),
        c("a = 1 - -1", "a = ? - ?"),
        c("a = 2fa", "a = ?fa"),
        c("varchar(255)", "varchar(?)"));
  }

  static Stream<Arguments> keptAsWritten() {
    return Stream.of(
        c("select A from T1 where Col_2 = x2y", "select A from T1 where Col_2 = x2y"),
        c("SELECT t1.col_2, x2y, a$1, _x9 FROM s2.t1", "SELECT t1.col_2, x2y, a$1, _x9 FROM s2.t1"),
        c(
            H2,
            "SELECT \"col 1\", \"a\"\"b\", `x 2`, `a``b` FROM t",
            "SELECT \"col 1\", \"a\"\"b\", `x 2`, `a``b` FROM t"),
        c(
            SQL_SERVER,
            "SELECT [col 1], [a]]b] FROM [dbo].[t1] WHERE [x 2] = 1",
            "SELECT [col 1], [a]]b] FROM [dbo].[t1] WHERE [x 2] = ?"),
        c(SQL_SERVER, "SELECT TOP 10 [a] FROM t", "SELECT TOP ? [a] FROM t"),
        c(
            "a = ? AND b = $1 AND c = :name AND d = :1 AND e = ?2 AND f = @p1",
            "a = ? AND b = $1 AND c = :name AND d = :? AND e = ? AND f = @p1"),
        c(ORACLE, "a = :1 AND b = :name", "a = :1 AND b = :name"),
        c("x::int + y::varchar", "x::int + y::varchar"),
        c("arr[1] AND arr[1:2] AND m[i][2]", "arr[?] AND arr[?:?] AND m[i][?]"),
        c(
            "data #>> '{a,b}' AND data -> 'k' AND data ? 'k' AND data ?| array['a']",
            "data #>> ? AND data -> ? AND data ? ? AND data ?| array[?]"),
        c(
            SQL_SERVER,
            "SELECT * FROM #tmp JOIN ##global ON 1 = 1",
            "SELECT * FROM #tmp JOIN ##global ON ? = ?"),
        c(MYSQL, "SET @x := 1, @@session.y = 2", "SET @x := ?, @@session.y = ?"),
        c("{call p(?, 'x')}", "{call p(?, ?)}"),
        c("a <> 1 AND b != 2 AND c <= 3 AND d || 'x'", "a <> ? AND b != ? AND c <= ? AND d || ?"));
  }

  static Stream<Arguments> lists() {
    return Stream.of(
        c("a IN (1, 2, 3)", "a IN (?)"),
        c("a IN (1)", "a IN (?)"),
        c("a IN ('x','y','z')", "a IN (?)"),
        c("a IN (?, ?, ?)", "a IN (?)"),
        c("a IN ($1, $2, $3)", "a IN (?)"),
        c("a IN (:a, :b)", "a IN (?)"),
        c("a IN (?1, ?2)", "a IN (?)"),
        c("a NOT IN (1, -2, 'x', ?)", "a NOT IN (?)"),
        c("a in (1,2) and b In (3, 4, 5)", "a in (?) and b In (?)"),
        c("a IN /* c */ (1, 2)", "a IN (?)"),
        c("a IN ( 1 , 2 )", "a IN ( ? )"),
        c("a IN (1, b, 2, 3)", "a IN (?, b, ?)"),
        c("(a, b) IN ((1, 2), (3, 4), ($1, $2))", "(a, b) IN ((?, ?))"),
        c(
            "a IN (SELECT b FROM t WHERE c = $1 AND d IN (1, 2))",
            "a IN (SELECT b FROM t WHERE c = $1 AND d IN (?))"),
        c("a = ANY(ARRAY[1, 2, 3])", "a = ANY(ARRAY[?])"),
        c("a = ARRAY[[1,2],[3,4]]", "a = ARRAY[[?,?]]"),
        c(
            "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')",
            "INSERT INTO t (a, b) VALUES (?, ?)"),
        c("INSERT INTO t VALUES (?, ?), (?, ?);", "INSERT INTO t VALUES (?, ?);"),
        c(
            "INSERT INTO t VALUES ($1, $2), ($3, $4) ON CONFLICT (a) DO NOTHING",
            "INSERT INTO t VALUES (?, ?) ON CONFLICT (a) DO NOTHING"),
        c("INSERT INTO t VALUES ($1, $2)", "INSERT INTO t VALUES (?, ?)"),
        c(
            "INSERT INTO t VALUES (1, now()), (2, now()), (3, DEFAULT)",
            "INSERT INTO t VALUES (?, now()), (?, DEFAULT)"),
        c("INSERT INTO t VALUES ROW(1, 2), ROW(3, 4)", "INSERT INTO t VALUES ROW(?, ?)"),
        c(
            "INSERT INTO t VALUES (1, 2) AS n ON DUPLICATE KEY UPDATE a = VALUES(a), b = VALUES(b)",
            "INSERT INTO t VALUES (?, ?) AS n ON DUPLICATE KEY UPDATE a = VALUES(a), b ="
                + " VALUES(b)"),
        c("SELECT * FROM (VALUES (1), (2)) AS v(x)", "SELECT * FROM (VALUES (?)) AS v(x)"),
        c(
            "INSERT INTO t VALUES ((SELECT id FROM u WHERE n = $1), 1), ((SELECT id FROM u WHERE n"
                + " = $2), 2)",
            "INSERT INTO t VALUES ((SELECT id FROM u WHERE n = $1), ?), "
                + "((SELECT id FROM u WHERE n = $2), ?)"),
        c("f(1, 2, 3)", "f(?, ?, ?)"));
  }

  static Stream<Arguments> comments() {
    return Stream.of(
        c("SELECT 1 -- secret 42", "SELECT ?"),
        c("SELECT a -- x\nFROM t", "SELECT a FROM t"),
        c("SELECT a --x\r\nFROM t", "SELECT a FROM t"),
        c("SELECT /* hint */ a", "SELECT a"),
        c("SELECT /*+ INDEX(t i) */ a", "SELECT a"),
        c("a/**/b", "a b"),
        c("/* a /* nested */ still comment */ SELECT 1", "SELECT ?"),
        c("SELECT a /* unterminated 'x", "SELECT a \u2026"),
        c(MYSQL, "SELECT a # mysql comment 'x\nFROM t", "SELECT a FROM t"),
        c("SELECT a#b FROM t", "SELECT a#b FROM t"),
        c("SELECT a FROM t #", "SELECT a FROM t #"),
        c("-- only a comment", ""),
        c("SELECT '/* not a comment */', \"--x\"", "SELECT ?, \"--x\""));
  }

  static Stream<Arguments> whitespace() {
    return Stream.of(
        c("  SELECT\n\t a ,\r\n b  ", "SELECT a , b"),
        c("SELECT\u00a0a\u2003FROM\u2028t", "SELECT a FROM t"),
        c("SELECT\u0000a", "SELECT \u2026"),
        c("", ""),
        c("   \n ", ""));
  }

  @ParameterizedTest(name = "{0}: {1}  ->  {2}")
  @MethodSource({
    "stringLiterals",
    "unterminatedLiterals",
    "numbersAndSigns",
    "keptAsWritten",
    "lists",
    "comments",
    "whitespace"
  })
  void normalizesToShape(SqlDialect dialect, String sql, String shape) {
    assertThat(SqlNormalizer.shape(sql, dialect).text()).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0}: {1}  ->  {2}")
  @MethodSource({
    "stringLiterals",
    "numbersAndSigns",
    "keptAsWritten",
    "lists",
    "comments",
    "whitespace"
  })
  void normalizingAShapeChangesNothing(SqlDialect dialect, String sql, String shape) {
    assertThat(SqlNormalizer.shape(shape, dialect).text()).isEqualTo(shape);
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        c("select 1", "SELECT"),
        c("Insert into t values (1)", "INSERT"),
        c("UPDATE t SET a = 1", "UPDATE"),
        c("delete from t", "DELETE"),
        c("MERGE INTO t USING s ON (1 = 1)", "MERGE"),
        c("call p(?)", "CALL"),
        c("{call p(?)}", "CALL"),
        c("{? = call f(?)}", "CALL"),
        c("  /* c */ -- d\n ( (SELECT 1) ) UNION (SELECT 2)", "SELECT"),
        c("WITH x AS (SELECT 1) SELECT * FROM x", "SELECT"),
        c(
            "WITH x AS (SELECT 1), y AS (DELETE FROM t RETURNING *) INSERT INTO u SELECT * FROM y",
            "INSERT"),
        c(
            "with recursive r(n) as (select 1 union all select n + 1 from r) update t set a = 1",
            "UPDATE"),
        c("WITH x AS MATERIALIZED (SELECT 1) DELETE FROM t", "DELETE"),
        c("WITH", "WITH"),
        c("WITH x AS (SELECT 1) (SELECT 2)", "WITH"),
        c("explain analyze select 1", "EXPLAIN"),
        c("begin", "BEGIN"),
        c("'x'", ""),
        c("123", ""),
        c("", ""),
        c("-- only a comment", ""),
        c("; SELECT 1", ""),
        c("@x = 1", ""),
        c("SELECT1x", ""),
        c("ábc", ""));
  }

  @ParameterizedTest(name = "{1}  ->  {2}")
  @MethodSource("operations")
  void derivesOperationFromLeadingKeyword(SqlDialect dialect, String sql, String operation) {
    assertThat(SqlNormalizer.shape(sql, dialect).operation()).isEqualTo(operation);
  }

  @Test
  void nullBecomesEmpty() {
    QueryShape shape = SqlNormalizer.shape(null, PG);
    assertThat(shape.text()).isEmpty();
    assertThat(shape.operation()).isEmpty();
    assertThat(shape.fingerprint()).isEqualTo(Fingerprint.of(""));
  }

  @Test
  void shapeCarriesTextOperationAndFingerprintOfText() {
    QueryShape shape = SqlNormalizer.shape("select * from t where id = 42", PG);
    assertThat(shape.text()).isEqualTo("select * from t where id = ?");
    assertThat(shape.operation()).isEqualTo("SELECT");
    assertThat(shape.fingerprint()).isEqualTo(Fingerprint.of("select * from t where id = ?"));
    assertThat(SqlNormalizer.shape("select * from t where id = 7", PG)).isEqualTo(shape);
  }

  @Test
  void longShapeIsCutAtTheLimitWithAMarker() {
    String sql = "SELECT " + "a, ".repeat(20_000) + "b FROM t";
    String shape = normalize(sql);
    assertThat(shape)
        .hasSize(SqlNormalizer.MAX_TEXT_LENGTH + SqlNormalizer.TRUNCATION_MARKER.length())
        .startsWith("SELECT a, a, ")
        .endsWith(SqlNormalizer.TRUNCATION_MARKER)
        .isEqualTo(sql.substring(0, SqlNormalizer.MAX_TEXT_LENGTH) + "\u2026");
    assertThat(SqlNormalizer.shape(sql, PG).operation()).isEqualTo("SELECT");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String sql = "x".repeat(SqlNormalizer.MAX_TEXT_LENGTH - 1) + "\uD83D\uDE00".repeat(10);
    String shape = normalize(sql);
    assertThat(shape).isEqualTo("x".repeat(SqlNormalizer.MAX_TEXT_LENGTH - 1) + "\u2026");
  }

  @Test
  void longListStillCollapsesBeforeTheCut() {
    StringBuilder sql = new StringBuilder("SELECT * FROM t WHERE id IN (");
    for (int i = 0; i < 100_000; i++) {
      sql.append(i).append(", ");
    }
    sql.append("0) AND name = 'x'");
    assertThat(normalize(sql.toString())).isEqualTo("SELECT * FROM t WHERE id IN (?) AND name = ?");
  }
}
