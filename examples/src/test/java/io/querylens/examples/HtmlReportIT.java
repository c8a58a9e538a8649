package io.querylens.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.querylens.QueryLens;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.report.HtmlReport;
import io.querylens.core.report.JsonReport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's HTML report, opened in headless Chromium: the figures the page shows are those of the
 * JSON report of the same snapshot, its script sorts and filters the shape table, and without
 * scripts it still shows everything. Leaves the page, the JSON and a screenshot in {@code
 * target/html-report/}; with {@code -Dquerylens.docs.update=true} the screenshot replaces {@code
 * docs/images/html-report.png}.
 */
class HtmlReportIT {
  private static final Path OUT = Path.of("target", "html-report");
  private static final Path PAGE = OUT.resolve("querylens-report.html");
  private static final Path JSON = OUT.resolve("querylens-report.json");
  private static final Path SCREENSHOT = OUT.resolve("html-report.png");

  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|µs|ms|s)|(\\d+)m(\\d{2})s|(\\d+)h(\\d{2})m");

  private static Chromium chromium;
  private static JsonNode json;

  @BeforeAll
  static void runTheDemoAndWriteBothReportsOfOneSnapshot() throws Exception {
    chromium = Chromium.require(OUT);
    PlainJdbcDemo.main(new String[0]);
    QueryLensSnapshot snapshot = QueryLens.snapshot();
    JsonReport.write(snapshot, JSON);
    HtmlReport.write(snapshot, PAGE);
    json = new ObjectMapper().readTree(JSON.toFile());
  }

  @Test
  void findingsShowKindWastedTimeCountsAndShapesOfTheJsonReport() throws Exception {
    Document dom = Jsoup.parse(chromium.dumpDom(PAGE, ""));
    JsonNode findings = json.get("findings");
    assertThat(findings.size()).as("the demo's findings").isPositive();
    assertThat(dom.selectFirst("#findings h2 .badge").text())
        .isEqualTo(Integer.toString(findings.size()));
    Elements cards = dom.select("#findings li.finding");
    assertThat(cards).hasSize(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      JsonNode f = findings.get(i);
      Element card = cards.get(i);
      String kind = f.get("kind").asText();
      assertThat(card.attr("data-kind")).isEqualTo(kind);
      assertThat(card.selectFirst(".kind").text()).isEqualTo(kind);
      Element wasted = card.selectFirst(".wasted");
      long wastedNanos = f.get("wastedNanos").asLong();
      if (wasted == null) {
        // a finding about something else than round trips is headed by what its detector saw
        assertThat(wastedNanos).isZero();
        assertThat(card.selectFirst(".head .explanation").text())
            .isEqualTo(f.get("explanation").asText());
      } else {
        assertThat(value(wasted)).as("finding %d's wasted time", i + 1).isEqualTo(wastedNanos);
        assertShowsDuration(wasted.selectFirst("b").text(), wastedNanos);
      }
      assertThat(value(card.selectFirst(".counts"))).isEqualTo(f.get("totalCount").asLong());
      assertThat(card.selectFirst(".counts").text())
          .startsWith(f.get("totalCount").asLong() + " execution");
      assertThat(card.selectFirst("dd code.sql").text()).isEqualTo(f.get("shape").asText());
      assertThat(card.selectFirst("code.callsite").text()).isEqualTo(f.get("callSite").asText());
      if (!f.get("parentShape").isNull()) {
        assertThat(card.select("dd code.sql").get(1).text())
            .isEqualTo(f.get("parentShape").asText());
        assertThat(card.selectFirst(".rows").text())
            .isEqualTo(f.get("parentRows").asLong() + " rows");
      }
    }
  }

  @Test
  void shapeTableShowsTheCountsAndTotalsOfTheJsonReport() throws Exception {
    Document dom = Jsoup.parse(chromium.dumpDom(PAGE, ""));
    JsonNode shapes = json.get("shapes");
    Elements rows = dom.select("#shapes tbody.shape");
    assertThat(rows).hasSize(shapes.size());
    // the JSON's order (by total time), with the DDL shapes moved after the application's
    List<String> expectedOrder = new ArrayList<>();
    for (boolean ddl : new boolean[] {false, true}) {
      for (JsonNode shape : shapes) {
        if (shape.get("ddl").asBoolean() == ddl) {
          expectedOrder.add("shape-" + shape.get("id").asText());
        }
      }
    }
    assertThat(rows.eachAttr("id")).containsExactlyElementsOf(expectedOrder);
    for (JsonNode shape : shapes) {
      Element row = dom.getElementById("shape-" + shape.get("id").asText());
      assertThat(row).isNotNull();
      assertThat(row.hasClass("ddl")).isEqualTo(shape.get("ddl").asBoolean());
      assertThat(row.selectFirst("td.sql code").text()).isEqualTo(shape.get("shape").asText());
      Element count = row.selectFirst("td.count");
      assertThat(value(count)).isEqualTo(shape.get("count").asLong());
      assertThat(count.text().replace(",", "")).isEqualTo(shape.get("count").asText());
      Element total = row.selectFirst("td.total");
      assertThat(value(total)).isEqualTo(shape.get("totalNanos").asLong());
      assertShowsDuration(total.text(), shape.get("totalNanos").asLong());
      JsonNode execute = shape.get("execute");
      if (execute.get("count").asLong() > 0) {
        assertThat(value(row.selectFirst("tr.main td.p99"))).isEqualTo(execute.get("p99").asLong());
        assertShowsDuration(row.selectFirst("tr.main td.p99").text(), execute.get("p99").asLong());
      }
      // the distribution row: every percentile, and a curve per non-empty time distribution
      Element dist = row.selectFirst("tr.dist");
      assertThat(value(dist.selectFirst("table.dist tr.execute td.count")))
          .isEqualTo(execute.get("count").asLong());
      long curves =
          List.of("execute", "fetch", "process").stream()
              .filter(name -> shape.get(name).get("count").asLong() > 0)
              .count();
      assertThat(dist.select("svg.curve polyline")).hasSize((int) curves);
    }
  }

  @Test
  void timeSectionShowsTheTotalsOfEveryUnitOfTheJsonReport() throws Exception {
    Document dom = Jsoup.parse(chromium.dumpDom(PAGE, ""));
    long recorded = timeTotal(json.get("time"));
    Element card = dom.selectFirst("#time .card.total");
    assertThat(value(card)).isEqualTo(recorded);
    assertShowsDuration(card.selectFirst(".figure").text(), recorded);
    assertThat(value(dom.selectFirst("#time .card.wasted")))
        .isEqualTo(json.get("time").get("wastedRoundTripNanos").asLong());

    JsonNode units = json.get("units");
    assertThat(units.size()).as("the demo's four unit names").isEqualTo(4);
    Elements rows = dom.select("#units tr.unit");
    assertThat(rows).hasSize(units.size());
    for (int i = 0; i < units.size(); i++) {
      JsonNode unit = units.get(i);
      Element row = rows.get(i);
      assertThat(row.selectFirst("td.name").text()).isEqualTo(unit.get("name").asText());
      assertThat(value(row.selectFirst("td.executions")))
          .isEqualTo(unit.get("executions").asLong());
      long total = timeTotal(unit.get("total"));
      assertThat(value(row.selectFirst("td.total"))).as(unit.get("name").asText()).isEqualTo(total);
      assertShowsDuration(row.selectFirst("td.total").text(), total);
      assertThat(value(row.selectFirst("td.findings"))).isEqualTo(unit.get("findings").asLong());
      assertThat(row.select("svg.bar")).hasSize(1);
    }
  }

  @Test
  void pageCarriesTheJsonReportAndLoadsNothing() throws Exception {
    Document dom = Jsoup.parse(chromium.dumpDom(PAGE, ""));
    Element data = dom.selectFirst("script#querylens-data[type=application/json]");
    assertThat(new ObjectMapper().readTree(data.data())).isEqualTo(json);
    assertThat(dom.select("[src], link, iframe, object, embed, img")).isEmpty();
    assertThat(dom.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .startsWith("default-src 'none'");
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).doesNotContain("http:", "https:");
  }

  @Test
  void scriptSortsAndFiltersTheShapeTableFromTheAddress() throws Exception {
    Document plain = Jsoup.parse(chromium.dumpDom(PAGE, ""));
    assertThat(plain.selectFirst("html").hasClass("js")).as("the script ran").isTrue();
    int all = json.get("shapes").size();
    assertThat(plain.selectFirst("#shape-count").text()).isEqualTo(all + " of " + all + " shapes");

    String view =
        "sort="
            + URLEncoder.encode("shapes:count:asc", StandardCharsets.UTF_8)
            + "&q=orders&op=SELECT";
    Document dom = Jsoup.parse(chromium.dumpDom(PAGE, view));
    assertThat(dom.selectFirst("#shapes th[aria-sort=ascending]").text()).isEqualTo("count");
    List<String> expected = new ArrayList<>();
    for (JsonNode shape : json.get("shapes")) {
      if (shape.get("shape").asText().toLowerCase(Locale.ROOT).contains("orders")
          && shape.get("operation").asText().equals("SELECT")) {
        expected.add(shape.get("shape").asText());
      }
    }
    assertThat(expected).as("the demo's reads of orders").hasSizeGreaterThan(1);
    List<String> shown = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (Element row : dom.select("#shapes tbody.shape")) {
      if (!row.hasAttr("hidden")) {
        shown.add(row.selectFirst("td.sql code").text());
        counts.add(value(row.selectFirst("td.count")));
      }
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(counts).as("sorted by count, ascending").isSorted();
    assertThat(dom.selectFirst("#shape-count").text())
        .isEqualTo(expected.size() + " of " + all + " shapes");
  }

  @Test
  void withoutItsScriptEveryTableAndChartIsThere() throws Exception {
    // a changed script no longer has the hash the page's content security policy allows, so the
    // browser refuses to run it: the page as a reader who blocks scripts sees it
    Path page = OUT.resolve("querylens-report-script-refused.html");
    String html = Files.readString(PAGE, StandardCharsets.UTF_8);
    assertThat(html).contains("'use strict';");
    Files.writeString(
        page, html.replace("'use strict';", "'use strict'; // changed"), StandardCharsets.UTF_8);
    Document dom = Jsoup.parse(chromium.dumpDom(page, ""));
    assertThat(dom.selectFirst("html").hasClass("js")).as("the changed script ran").isFalse();
    assertThat(dom.select("#findings li.finding")).hasSize(json.get("findings").size());
    assertThat(dom.select("#shapes tbody.shape tr.dist")).hasSize(json.get("shapes").size());
    assertThat(dom.select("#connections svg.curve")).hasSize(2);
    assertThat(dom.selectFirst(".filters").hasAttr("hidden"))
        .as("the filters need the script, so they stay hidden without it")
        .isTrue();
  }

  @Test
  void screenshotOfTheApiReportWithTheLoopsShapeOpen() throws Exception {
    Path page = OUT.resolve("querylens-api-report.html");
    QueryLens.writeHtmlReport(page);
    String id = null;
    for (JsonNode shape : json.get("shapes")) {
      if (shape.get("shape").asText().equals(PlainJdbcDemoTest.LOOP)) {
        id = shape.get("id").asText();
      }
    }
    assertThat(id).as("the loop's shape").isNotNull();
    Document dom = Jsoup.parse(chromium.dumpDom(page, "open=" + id));
    assertThat(dom.selectFirst("#shape-" + id).hasClass("open")).isTrue();
    assertThat(dom.select("#shape-" + id + " .kind").eachText()).contains("n-plus-one");

    chromium.screenshot(page, "open=" + id, SCREENSHOT, 1280, 2200);
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertThat(png.length).isGreaterThan(50_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    if (Boolean.getBoolean("querylens.docs.update")) {
      Path docs = reactorRoot().resolve("docs").resolve("images").resolve("html-report.png");
      Files.createDirectories(docs.getParent());
      Files.copy(SCREENSHOT, docs, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("Copied the screenshot to " + docs);
    }
  }

  /** A cell's exact value, which the page keeps beside the figure it shows. */
  private static long value(Element element) {
    assertThat(element).isNotNull();
    assertThat(element.hasAttr("data-value")).as(element.outerHtml()).isTrue();
    return Long.parseLong(element.attr("data-value"));
  }

  /** Every part of a time split: all fields but the wasted part, which the others include. */
  private static long timeTotal(JsonNode split) {
    long total = 0;
    for (Map.Entry<String, JsonNode> field : split.properties()) {
      if (!field.getKey().equals("wastedRoundTripNanos")) {
        total += field.getValue().asLong();
      }
    }
    return total;
  }

  /**
   * {@code shown} is {@code nanos} with three significant digits ({@code 46.4ms}, {@code 2m03s}).
   */
  private static void assertShowsDuration(String shown, long nanos) {
    Matcher m = DURATION.matcher(shown);
    if (!m.matches()) {
      fail("not a duration: '" + shown + "' (for " + nanos + "ns)");
    }
    double value;
    double tolerance;
    if (m.group(1) != null) {
      double scale =
          switch (m.group(2)) {
            case "ns" -> 1;
            case "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
          };
      value = Double.parseDouble(m.group(1)) * scale;
      tolerance = Math.max(0.5, nanos * 0.005 + 0.5);
    } else if (m.group(3) != null) {
      value = (Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4))) * 1e9;
      tolerance = 0.5e9;
    } else {
      value = (Long.parseLong(m.group(5)) * 60 + Long.parseLong(m.group(6))) * 60e9;
      tolerance = 30e9;
    }
    assertThat(Math.abs(value - nanos))
        .as("'%s' shows %d ns", shown, nanos)
        .isLessThanOrEqualTo(tolerance);
  }

  private static Path reactorRoot() throws IOException {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)
          && Files.readString(pom, StandardCharsets.UTF_8).contains("<modules>")) {
        return dir;
      }
    }
    return fail("No pom.xml with <modules> above " + start);
  }
}
