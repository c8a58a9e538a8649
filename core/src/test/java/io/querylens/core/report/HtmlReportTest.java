package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Buckets;
import io.querylens.core.Database;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  /** Text that would be markup, a script or an event handler if it reached the page unescaped. */
  private static final String HOSTILE =
      "select '</script><script>alert(1)</script>' from t where x = ? -- <img src=x onerror=alert(2)>";

  private static final String HOSTILE_UNIT = "<b id=\"pwned\">GET /x</b> & 'y'";

  @TempDir Path dir;

  @Test
  void sectionsComeInTheOrderOfTheIssue() {
    String html = HtmlReport.render(TestSnapshots.golden());
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    List<Integer> positions = new ArrayList<>();
    for (String id : List.of("time", "findings", "shapes-section", "connections", "notes")) {
      int at = html.indexOf("<section id=\"" + id + "\">");
      assertThat(at).as("section %s", id).isPositive();
      positions.add(at);
    }
    assertThat(positions).isSorted();
    assertThat(html).endsWith("</body>\n</html>\n");
  }

  @Test
  void embedsTheJsonReportOfTheSameSnapshot() {
    for (QueryLensSnapshot s : List.of(TestSnapshots.golden(), hostile(), TestSnapshots.empty())) {
      String html = HtmlReport.render(s);
      Object embedded = MiniJson.parse(between(html, "id=\"querylens-data\">", "</script>"));
      assertThat(embedded).isEqualTo(MiniJson.parse(JsonReport.render(s)));
    }
  }

  @Test
  void snapshotTextCannotBecomeMarkup() {
    String html = HtmlReport.render(hostile());
    assertThat(count(html, "<script")).as("the data block and the page's script").isEqualTo(2);
    assertThat(count(html, "</script>")).isEqualTo(2);
    assertThat(html)
        .doesNotContain("<img", "<b id=", "alert(1)</script>")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("&lt;b id=&quot;pwned&quot;&gt;GET /x&lt;/b&gt; &amp; &#39;y&#39;")
        .contains("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>");
    // in attributes too: the unit name in a bar's label, the kind in a class name
    assertThat(html).contains("data-kind=\"n-plus-one\"");
  }

  @Test
  void controlCharactersAndLoneSurrogatesBecomeReplacementCharacters() {
    Html html = new Html(16);
    html.text("a\u0000b\u001bc\td\ud800e😀");
    assertThat(html.toString()).isEqualTo("a\uFFFDb\uFFFDc\td\uFFFDe😀");
  }

  @Test
  void loadsNothingAndRunsOnlyItsOwnScript() throws Exception {
    String html = HtmlReport.render(TestSnapshots.golden());
    assertThat(html).doesNotContain("://", " src=", "<link", "@import", "url(");
    String script = between(html, "<script>", "</script>");
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
    assertThat(between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\""))
        .startsWith("default-src &#39;none&#39;;")
        .contains("script-src &#39;sha256-" + hash + "&#39;");
  }

  @Test
  void timeSectionShowsTheSplitAndEveryUnitOnOneScale() {
    String html = HtmlReport.render(TestSnapshots.golden());
    String time = section(html, "time");
    // recorded = execute + fetch + process + pool wait + connect
    long total = 4_203_340_000L + 600_000_001L + 1_200_000_000L + 75_000_000L + 8_000_000L;
    assertThat(time)
        .contains("class=\"card total\" data-value=\"" + total + "\"")
        .contains("class=\"card database\" data-value=\"" + (4_203_340_000L + 600_000_001L) + "\"")
        .contains("class=\"card connection\" data-value=\"83000000\"")
        .contains("class=\"card wasted\" data-value=\"1101500001\"");
    assertThat(count(time, "<tr class=\"unit\">")).isEqualTo(3);
    // the first unit's bar is the longest: its segments fill the whole width
    String firstBar = between(time, "<tr class=\"unit\">", "</svg>");
    assertThat(rectWidths(firstBar)).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(0.5));
    assertThat(time).contains("<td class=\"name\">GET /customers/{id}/orders</td>");
    assertThat(time).contains("class=\"num total\" data-value=\"" + 5_908_000_000L + "\">5.91s<");
  }

  @Test
  void findingCardsCarryWhatTheConsoleShows() {
    String findings = section(HtmlReport.render(TestSnapshots.golden()), "findings");
    assertThat(count(findings, "<li class=\"finding\"")).isEqualTo(3);
    String first = between(findings, "id=\"finding-1\"", "</li>");
    assertThat(first)
        .contains("data-kind=\"n-plus-one\"")
        .contains("<span class=\"kind k-n-plus-one\">n-plus-one</span>")
        .contains("data-value=\"1100000000\"><b>1.10s</b> wasted")
        .contains("22.9% of database time")
        .contains("600 executions in 12 units, up to 50 in one")
        .contains("href=\"#shape-9e3779b97f4a7c15\"")
        .contains(
            "<code class=\"sql\">SELECT c.id, c.name FROM customers c WHERE c.region = ? ORDER BY"
                + " c.name</code>")
        .contains("<span class=\"rows\">50 rows</span>")
        .contains("com.example.shop.OrderService.listOrders(OrderService.java:42)")
        .contains(
            "<dt>units</dt><dd>GET /customers/{id}/orders, GET /api/v2/customers/{id}/orders"
                + "<span class=\"muted\"> (12 units)</span>")
        .contains("2026-01-02 01:00:00 UTC to 2026-01-02 03:04:04 UTC")
        .contains(TestSnapshots.N_PLUS_ONE_HINT);
    assertThat(findings).contains("7 further findings dropped past querylens.max-findings");
  }

  @Test
  void aFindingThatExplainsItselfIsHeadedByItsExplanation() {
    Finding explained =
        TestSnapshots.explained(
            FindingKind.UNBOUNDED_RESULT, "select * from t", "5000 rows read to the end");
    QueryLensSnapshot s =
        TestSnapshots.with(TestSnapshots.golden(), TimeSplit.EMPTY, List.of(explained), List.of());
    String card = between(section(HtmlReport.render(s), "findings"), "id=\"finding-1\"", "</li>");
    assertThat(card)
        .contains("<b class=\"explanation\">5000 rows read to the end</b>")
        .doesNotContain("wasted")
        .contains("<dt>query</dt>");
  }

  @Test
  void shapeRowsCarryTheirFiguresTagsAndDistributions() {
    String shapes = section(HtmlReport.render(TestSnapshots.golden()), "shapes-section");
    assertThat(count(shapes, "<tbody class=\"shape\"")).isEqualTo(3);
    String first = between(shapes, "id=\"shape-9e3779b97f4a7c15\"", "</tbody>\n");
    assertThat(first)
        .contains("data-op=\"SELECT\" data-kinds=\"n-plus-one\"")
        .contains("class=\"num count\" data-value=\"1200\">1,200<")
        .contains("class=\"num errors\" data-value=\"3\">3<")
        .contains("class=\"num total\" data-value=\"6000000000\">6.00s<")
        .contains("class=\"num p99\" data-value=\"15200000\">15.2ms<")
        .contains("<tr class=\"dist\">")
        .contains("<tr class=\"rows\"><th>rows</th>")
        .contains("<polyline class=\"execute\"")
        .contains("<polyline class=\"process\"");
    // the operations and finding kinds on offer in the filters are those of the shapes
    assertThat(between(shapes, "id=\"op-filter\"", "</select>"))
        .contains("value=\"INSERT\"")
        .contains("value=\"SELECT\"");
    assertThat(between(shapes, "id=\"kind-filter\"", "</select>"))
        .contains("value=\"chatty-writes\"")
        .contains("value=\"duplicate\"")
        .contains("value=\"n-plus-one\"");
  }

  @Test
  void percentileCurveStepsThroughTheBucketsToTheMaximum() {
    // 50 values near 1µs, 49 near 2µs, one near 1ms
    Buckets buckets =
        Buckets.of(
            new long[] {1_000, 2_000, 1_000_000},
            new long[] {1_032, 2_064, 1_032_000},
            new long[] {50, 49, 1});
    DistributionSnapshot d =
        new DistributionSnapshot(100, 1_150_000, 1_000, 1_016, 2_032, 2_032, 1_020_000, buckets);
    Html html = new Html(1024);
    PercentileChart.write(html, "t", List.of(new PercentileChart.Series("execute", "execute", d)));
    String svg = html.toString();
    // the y axis spans the decades around the values: 1µs to 10ms
    assertThat(svg).contains(">1µs</text>").contains(">10ms</text>").doesNotContain(">100ns<");
    Matcher points = Pattern.compile("points=\"([^\"]+)\"").matcher(svg);
    assertThat(points.find()).isTrue();
    String[] xy = points.group(1).split(" ");
    assertThat(xy).hasSize(6);
    assertThat(xy[0]).startsWith("50.0,"); // 0% at the left edge of the plot
    assertThat(xy[5]).startsWith("428.0,"); // the maximum at the right edge
    double lastY = Double.parseDouble(xy[5].split(",")[1]);
    double firstY = Double.parseDouble(xy[0].split(",")[1]);
    assertThat(lastY).as("the maximum is drawn higher").isLessThan(firstY);
    assertThat(svg).contains("execute: p50 1.02µs, p95 2.03µs, p99 2.03µs, max 1.02ms");
  }

  @Test
  void emptyAndPartlyNullSnapshotsRender() {
    String empty = HtmlReport.render(TestSnapshots.empty());
    assertThat(empty)
        .contains("No JDBC executions recorded.")
        .contains("No findings:")
        .contains("No units of work recorded");
    QueryLensSnapshot nulls =
        TestSnapshots.with(
            TestSnapshots.of(new ShapeSnapshot(null, null, 1, 0, 5, null, null, null, null)),
            null,
            List.of(),
            List.of(new UnitSnapshot("u", 1, 1, null, null, 0)));
    assertThat(HtmlReport.render(nulls)).contains("id=\"shape-0000000000000000\"");
  }

  @Test
  void notesSayWhatWasLeftOut() {
    String notes = section(HtmlReport.render(TestSnapshots.golden()), "notes");
    assertThat(notes)
        .contains("4 further shapes counted together in the overflow shape")
        .contains("7 further findings dropped past querylens.max-findings")
        .contains("QueryLens caught 1 internal fault");
  }

  @Test
  void writeCreatesTheFileAndItsDirectories() throws Exception {
    Path file = dir.resolve("a/b/report.html");
    HtmlReport.write(TestSnapshots.golden(), file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(HtmlReport.render(TestSnapshots.golden()));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  /** The golden snapshot with hostile SQL, unit names and call sites. */
  private static QueryLensSnapshot hostile() {
    QueryShape shape = new QueryShape(42, HOSTILE, "SELECT");
    ShapeSnapshot s =
        new ShapeSnapshot(
            shape,
            new Database("h2", "<db>", "<host>", 1),
            6,
            0,
            6_000,
            new DistributionSnapshot(6, 6_000, 1_000, 1_000, 1_000, 1_000, 1_000),
            DistributionSnapshot.EMPTY,
            DistributionSnapshot.EMPTY,
            new DistributionSnapshot(6, 6, 1, 1, 1, 1, 1));
    Finding finding =
        new Finding(
            FindingKind.N_PLUS_ONE,
            shape,
            shape,
            3,
            "</code><script>alert(3)</script>",
            1,
            6,
            6,
            5_000,
            FindingKind.N_PLUS_ONE.hint(),
            null,
            List.of(HOSTILE_UNIT),
            1,
            false,
            TestSnapshots.FIRST_SEEN_MILLIS,
            TestSnapshots.FIRST_SEEN_MILLIS);
    return TestSnapshots.with(
        TestSnapshots.of(s),
        TimeSplit.EMPTY,
        List.of(finding),
        List.of(TestSnapshots.unit(HOSTILE_UNIT, 6_000)));
  }

  private static String section(String html, String id) {
    return between(html, "<section id=\"" + id + "\">", "</section>");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("'%s' in the page", start).isNotNegative();
    from += start.length();
    int to = text.indexOf(end, from);
    assertThat(to).as("'%s' after '%s'", end, start).isNotNegative();
    return text.substring(from, to);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  private static double rectWidths(String svg) {
    double sum = 0;
    Matcher m = Pattern.compile("<rect class=\"(\\w+)\"[^>]* width=\"([0-9.]+)\"").matcher(svg);
    while (m.find()) {
      if (!m.group(1).equals("track")) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }
}
