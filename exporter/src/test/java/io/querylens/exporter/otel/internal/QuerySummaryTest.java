package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuerySummaryTest {
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
    QuerySummary s = QuerySummary.of(new QueryShape(1, text, operation == null ? "" : operation));
    assertThat(s.summary).isEqualTo(summary);
    assertThat(s.collection).isEqualTo(collection);
  }
}
