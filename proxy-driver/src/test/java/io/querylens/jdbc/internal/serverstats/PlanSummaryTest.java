package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.WaitCategory;
import org.junit.jupiter.api.Test;

/** The pieces of reading PostgreSQL that need no server: plans, parameters, wait events. */
class PlanSummaryTest {
  @Test
  void chainReadsFromTheLeafUpWithoutTheFilterText() {
    String json =
        "[{\"Plan\": {\"Node Type\": \"Sort\", \"Sort Key\": [\"id\"], \"Plans\": [{\"Node Type\":"
            + " \"Seq Scan\", \"Relation Name\": \"owners\", \"Alias\": \"o\", \"Filter\":"
            + " \"(name = 'Ann \\\"x\\\"'::text)\"}]}}]";
    assertThat(PlanSummary.of(json)).isEqualTo("Seq Scan on owners (filter) -> Sort");
  }

  @Test
  void severalInputsAreBracketedAndIndexesNamed() {
    String json =
        "[{\"Plan\": {\"Node Type\": \"Hash Join\", \"Hash Cond\": \"(p.owner_id = o.id)\","
            + " \"Plans\": [{\"Node Type\": \"Index Scan\", \"Index Name\": \"pets_pkey\","
            + " \"Relation Name\": \"pets\", \"Index Cond\": \"(id = $1)\"}, {\"Node Type\":"
            + " \"Hash\", \"Plans\": [{\"Node Type\": \"Seq Scan\", \"Relation Name\":"
            + " \"owners\", \"Startup Cost\": 0.00, \"Parallel Aware\": false}]}]}}]";
    assertThat(PlanSummary.of(json))
        .isEqualTo(
            "[Index Scan using pets_pkey on pets + Seq Scan on owners -> Hash] -> Hash Join");
  }

  @Test
  void longPlansAreCut() {
    StringBuilder json = new StringBuilder();
    int depth = 60;
    for (int i = 0; i < depth; i++) {
      json.append("{\"Node Type\": \"Nested Loop\", \"Plans\": [");
    }
    json.append("{\"Node Type\": \"Result\"}");
    json.append("]}".repeat(depth));
    String summary = PlanSummary.of("[{\"Plan\": " + json + "}]");
    assertThat(summary).hasSize(PlanSummary.MAX_LENGTH).endsWith("...");
  }

  @Test
  void textThatIsNoPlanIsRefused() {
    assertThatThrownBy(() -> PlanSummary.of("[{\"Query\": 1}]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlanSummary.of("[{\"Plan\": {")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void everyParameterIsNullInTheExecution() {
    assertThat(GenericPlans.nulls("select a from t where b = $2 and c = $1"))
        .isEqualTo("(NULL, NULL)");
    assertThat(GenericPlans.highestParameter("select '$30', x$40 from t where b = $12"))
        .isEqualTo(12);
    assertThat(GenericPlans.nulls("select 1")).isEmpty();
  }

  @Test
  void waitEventTypesFoldToFourCategories() {
    assertThat(PostgresStatements.category(null)).isEqualTo(WaitCategory.CPU);
    assertThat(PostgresStatements.category("Lock")).isEqualTo(WaitCategory.LOCK);
    assertThat(PostgresStatements.category("IO")).isEqualTo(WaitCategory.IO);
    for (String other :
        new String[] {"LWLock", "Timeout", "BufferPin", "IPC", "Client", "Extension", "Activity"}) {
      assertThat(PostgresStatements.category(other)).isEqualTo(WaitCategory.OTHER);
    }
  }
}
