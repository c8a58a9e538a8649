package io.querylens.core.internal.sql;

import static io.querylens.core.internal.sql.LiteralLeakPropertyTest.MARKER;
import static io.querylens.core.internal.sql.LiteralLeakPropertyTest.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link LiteralLeakPropertyTest}'s generated statements with their sensitive items moved to where
 * tables are named (after FROM, JOIN, INTO, a FROM list's comma, a schema's dot): no marker reaches
 * the tables or the summary, and every table is a name the shape text keeps.
 */
class SummaryLeakPropertyTest {
  private static final String[] TABLE_POSITIONS = {
    " from ", " join ", " into ", " from t1, ", " from t1 join ", " from s.", " update ", " call "
  };

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void noMarkerReachesTablesOrSummary(SqlDialect dialect) {
    Random random = new Random(0x7ab1e5L ^ dialect.ordinal());
    SqlDialect[] known = SqlDialect.values();
    int tables = 0;
    for (int i = 0; i < 4_000; i++) {
      SqlDialect writtenAs =
          dialect == SqlDialect.OTHER ? known[random.nextInt(known.length - 1)] : dialect;
      String generated = new LiteralLeakPropertyTest.Statement(writtenAs, random).build();
      String position = TABLE_POSITIONS[random.nextInt(TABLE_POSITIONS.length)];
      String sql = generated.replace(" from t1 where c = ", position);
      if (random.nextBoolean()) {
        sql = "insert into t0 " + sql.replace(", ", position);
      }
      QueryShape shape = SqlNormalizer.shape(sql, dialect);
      String summary = shape.summary().toLowerCase(Locale.ROOT);
      assertThat(summary)
          .as("%s summary of %s", dialect, LiteralLeakPropertyTest.printable(sql))
          .doesNotContain(MARKER.toLowerCase(Locale.ROOT))
          .doesNotContain(NUMBER);
      for (String table : shape.tables()) {
        tables++;
        assertThat(table.toLowerCase(Locale.ROOT))
            .as("%s table of %s", dialect, LiteralLeakPropertyTest.printable(sql))
            .doesNotContain(MARKER.toLowerCase(Locale.ROOT))
            .doesNotContain(NUMBER);
        for (String part : table.split("\\.")) {
          assertThat(shape.text()).as("%s shape of %s", dialect, sql).contains(part);
        }
      }
    }
    assertThat(tables).as("tables read").isGreaterThan(1_000);
  }
}
