package io.querylens.jdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {
  private static final String SHAPE = "select * from t where id = ?";
  private static final String PARENT = "select id from p";

  private final CallSite site = new CallSite("loop");
  private final String line;

  ScorecardTest() {
    site.mark(this);
    line = site.frame();
  }

  private static Finding finding(FindingKind kind, String shape, String callSite, long count) {
    return new Finding(
        kind,
        new QueryShape(1, shape, "SELECT"),
        new QueryShape(2, PARENT, "SELECT"),
        7,
        callSite,
        1,
        count,
        count,
        1_000,
        "use a join",
        null,
        List.of("unit"),
        1,
        false,
        0,
        0);
  }

  private static ScenarioResult result(List<ExpectedFinding> expected, Finding... reported) {
    Scenario scenario = new Scenario("s", Scenario.Unit.SCOPE, ds -> {}, expected);
    return new ScenarioResult("h2", scenario, List.of(reported), Map.of(SHAPE, 9L), null, 0);
  }

  @Test
  void aFindingMatchesOnKindShapeAndCallSiteLine() {
    ExpectedFinding expected = ExpectedFinding.nPlusOne(SHAPE, site).withParent(PARENT, 7);
    Scorecard card =
        new Scorecard(
            List.of(result(List.of(expected), finding(FindingKind.N_PLUS_ONE, SHAPE, line, 9))));

    assertThat(card.precision()).isEqualTo(1.0);
    assertThat(card.recall()).isEqualTo(1.0);
    assertThat(card.mismatches()).isEmpty();
    assertThat(card.detailMismatches()).isEmpty();
  }

  @Test
  void anotherLineOrKindIsAFalsePositiveAndAFalseNegative() {
    ExpectedFinding expected = ExpectedFinding.nPlusOne(SHAPE, site);
    String otherLine = line.replaceAll(":\\d+\\)$", ":1)");
    Scorecard card =
        new Scorecard(
            List.of(
                result(List.of(expected), finding(FindingKind.N_PLUS_ONE, SHAPE, otherLine, 9)),
                result(List.of(expected), finding(FindingKind.DUPLICATE, SHAPE, line, 9))));

    assertThat(card.truePositives()).isZero();
    assertThat(card.falsePositives()).isEqualTo(2);
    assertThat(card.falseNegatives()).isEqualTo(2);
    assertThat(card.precision()).isZero();
    assertThat(card.recall()).isZero();
    assertThat(Scorecard.table(card.mismatches()))
        .contains("FALSE POSITIVE", "FALSE NEGATIVE", "shape executed 9x", otherLine);
  }

  @Test
  void oneFindingCannotMatchTwoExpectations() {
    ExpectedFinding expected = ExpectedFinding.nPlusOne(SHAPE, site);
    Scorecard card =
        new Scorecard(
            List.of(
                result(
                    List.of(expected, expected), finding(FindingKind.N_PLUS_ONE, SHAPE, line, 9))));

    assertThat(card.truePositives()).isEqualTo(1);
    assertThat(card.falseNegatives()).isEqualTo(1);
    assertThat(card.recall()).isEqualTo(0.5);
  }

  @Test
  void aMatchedFindingWithTheWrongCountOrParentIsAWrongDetail() {
    ExpectedFinding expected =
        ExpectedFinding.nPlusOne(SHAPE, site).withParent("select other", 7).withCount(10);
    Scorecard card =
        new Scorecard(
            List.of(result(List.of(expected), finding(FindingKind.N_PLUS_ONE, SHAPE, line, 9))));

    assertThat(card.precision()).isEqualTo(1.0);
    assertThat(card.detailMismatches()).hasSize(1);
    assertThat(card.detailMismatches().get(0).note())
        .contains("parent shape " + PARENT, "max count 9, expected 10");
  }

  @Test
  void noExpectationAndNoFindingScoresOne() {
    Scorecard card = new Scorecard(List.of(result(List.of())));

    assertThat(card.precision()).isEqualTo(1.0);
    assertThat(card.recall()).isEqualTo(1.0);
    assertThat(card.summary()).isEqualTo("precision 1.00 (0/0), recall 1.00 (0/0)");
  }
}
