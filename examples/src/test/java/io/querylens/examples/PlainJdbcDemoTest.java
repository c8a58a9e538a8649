package io.querylens.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command must show what QueryLens is for. */
class PlainJdbcDemoTest {
  /** The shape the demo's loop repeats. */
  static final String LOOP = "select id, total from orders where customer_id = ?";

  @Test
  void demoPrintsASummaryShowingTheLoopAndTheSlowExport() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      PlainJdbcDemo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("QueryLens summary").contains("Where the time went");

    ShapeSnapshot loop = shape(LOOP);
    assertThat(loop.count()).isEqualTo(200);
    assertThat(loop.rows().sum()).isEqualTo(2_000);

    Finding loopFinding =
        QueryLens.snapshot().findings().stream()
            .filter(f -> f.kind() == FindingKind.N_PLUS_ONE)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the demo's loop raised no n-plus-one finding"));
    assertThat(loopFinding.shape()).isEqualTo(loop.shape());
    assertThat(loopFinding.parentShape().text())
        .isEqualTo("select id, name from customer order by id");
    assertThat(loopFinding.parentRows()).isEqualTo(200);
    assertThat(loopFinding.callSite())
        .startsWith("io.querylens.examples.PlainJdbcDemo.listOrdersOneQueryPerCustomer(");
    assertThat(loopFinding.unitNames()).containsExactly("GET /customers/orders (a loop)");
    assertThat(QueryLens.snapshot().findings())
        .extracting(Finding::kind)
        .containsExactlyInAnyOrder(
            FindingKind.N_PLUS_ONE, FindingKind.CHATTY_WRITES, FindingKind.UNBOUNDED_RESULT);
    // the join that replaces the loop reads every order, with no row limit
    assertThat(QueryLens.snapshot().findings())
        .filteredOn(f -> f.kind() == FindingKind.UNBOUNDED_RESULT)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.shape().text()).startsWith("select c.id, o.id, o.total from customer c");
              assertThat(f.unitNames()).containsExactly("GET /customers/orders (a join)");
              assertThat(f.explanation()).startsWith("2000 rows read to the end");
            });

    // the connection was opened (H2 starting up) before the first scope: it is connection time in
    // the headline, never application time, and no scope's
    QueryLensSnapshot snapshot = QueryLens.snapshot();
    assertThat(snapshot.connections().connect().count()).isEqualTo(1);
    assertThat(snapshot.time().connectNanos()).isEqualTo(snapshot.connections().connect().sum());
    assertThat(snapshot.time().applicationNanos()).isEqualTo(snapshot.time().appProcessNanos());
    assertThat(snapshot.units())
        .allSatisfy(u -> assertThat(u.total().connectionNanos()).as(u.name()).isZero());
    assertThat(out).contains("  connection ").contains("+ connect ");

    ShapeSnapshot export = shape("select id, total from orders where total > ? order by id");
    assertThat(export.process().sum())
        .as("the export's sleeping shows as process time, not database time")
        .isGreaterThan(export.execute().sum() + export.fetch().sum());
  }

  private static ShapeSnapshot shape(String text) {
    return QueryLens.snapshot().shapes().stream()
        .filter(s -> s.shape().text().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the demo recorded no shape " + text));
  }
}
