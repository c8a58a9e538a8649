package io.querylens.exporter.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingSignalsTest {
  private static Finding finding(FindingKind kind, long count, String explanation) {
    return new Finding(
        kind,
        new QueryShape(1, "select * from pets where owner_id = ?", "SELECT"),
        null,
        -1,
        "com.example.App.run(App.java:7)",
        1,
        count,
        count,
        0,
        kind.hint(),
        explanation,
        List.of("GET /pets"),
        1,
        false,
        0,
        0);
  }

  @Test
  void aRepetitionSaysHowOftenItRanAndHasNoExplanationAttribute() {
    Finding f = finding(FindingKind.N_PLUS_ONE, 6, null);

    assertThat(FindingSignals.message(f))
        .isEqualTo(
            "QueryLens finding n-plus-one: select * from pets where owner_id = ? ran 6 times in"
                + " unit of work 'GET /pets' at com.example.App.run(App.java:7). Hint: "
                + FindingKind.N_PLUS_ONE.hint()
                + ".");
    assertThat(FindingSignals.attributes(f).get(SemanticAttributes.FINDING_EXPLANATION)).isNull();
  }

  @Test
  void aFindingThatExplainsItselfCarriesItsExplanation() {
    Finding f =
        finding(
            FindingKind.UNBOUNDED_RESULT,
            1,
            "5000 rows read to the end, with no row limit in the SQL");

    assertThat(FindingSignals.message(f))
        .isEqualTo(
            "QueryLens finding unbounded-result: select * from pets where owner_id = ? ran 1 time"
                + " in unit of work 'GET /pets' at com.example.App.run(App.java:7); 5000 rows read"
                + " to the end, with no row limit in the SQL. Hint: "
                + FindingKind.UNBOUNDED_RESULT.hint()
                + ".");
    Attributes a = FindingSignals.attributes(f);
    assertThat(a.get(SemanticAttributes.FINDING_KIND)).isEqualTo("unbounded-result");
    assertThat(a.get(SemanticAttributes.FINDING_EXPLANATION))
        .isEqualTo("5000 rows read to the end, with no row limit in the SQL");
  }

  @Test
  void theShapeIdsAreTheOnesTheReportsPrint() {
    QueryShape owners = new QueryShape(0x1234L, "select id from owners", "SELECT");
    QueryShape pets =
        new QueryShape(0x9e3779b97f4a7c15L, "select * from pets where owner_id = ?", "SELECT");
    Finding f =
        new Finding(
            FindingKind.N_PLUS_ONE,
            pets,
            owners,
            6,
            "com.example.App.run(App.java:7)",
            1,
            6,
            6,
            0,
            FindingKind.N_PLUS_ONE.hint(),
            null,
            List.of("GET /owners"),
            1,
            false,
            0,
            0);

    Attributes a = FindingSignals.attributes(f);

    assertThat(a.get(SemanticAttributes.FINDING_SHAPE_ID)).isEqualTo("9e3779b97f4a7c15");
    assertThat(a.get(SemanticAttributes.FINDING_PARENT_SHAPE_ID)).isEqualTo("0000000000001234");
    assertThat(a.get(SemanticAttributes.FINDING_UNIT)).isEqualTo("GET /owners");
  }
}
