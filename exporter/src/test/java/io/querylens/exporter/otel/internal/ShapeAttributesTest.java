package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.QueryShapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeAttributesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "SELECT | select * from owners where id = ? | SELECT owners | owners",
        "SELECT | select o.id from owners o join pets p on p.owner_id = o.id | SELECT owners pets"
            + " | null",
        "SELECT | select * from \"Public\".\"Owners\" | SELECT Public.Owners | Public.Owners",
        "SELECT | select * from (select id from owners) t | SELECT owners | owners",
        "INSERT | insert into visits (id, pet_id) values (?, ?) | INSERT visits | visits",
        "UPDATE | update pets set name = ? where id = ? | UPDATE pets | pets",
        "DELETE | delete from visits where id = ? | DELETE visits | visits",
        "CALL | call refresh_stats(?) | CALL refresh_stats | refresh_stats",
        "SELECT | select 1 | SELECT | null",
        " | values (?) | null | null",
      })
  void summaryIsTheOperationAndItsTables(
      String operation, String text, String summary, String collection) {
    QueryShape shape;
    if (operation == null) { // a shape without an operation, as only a hand can build it
      shape = new QueryShape(1, text, "");
    } else {
      shape = QueryShapes.of(SqlDialect.POSTGRESQL, text);
      assertThat(shape.operation()).isEqualTo(operation);
    }
    ShapeAttributes a = new ShapeAttributes.Cache(10).of(shape, Database.UNKNOWN);
    assertThat(a.attributes.get(SemanticAttributes.DB_QUERY_SUMMARY)).isEqualTo(summary);
    assertThat(a.attributes.get(SemanticAttributes.DB_COLLECTION_NAME)).isEqualTo(collection);
    assertThat(a.operation.get(SemanticAttributes.DB_COLLECTION_NAME)).isEqualTo(collection);
    assertThat(a.spanName).isEqualTo(summary == null ? "other_sql" : summary);
  }
}
