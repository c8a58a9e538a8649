package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The database server's side in the HTML report, from a snapshot built by hand. */
class HtmlDatabaseSideTest {
  private static final String HTML = HtmlReport.render(TestSnapshots.databaseSide());

  @Test
  void databaseSideComesBetweenTheFindingsAndTheShapes() {
    int findings = HTML.indexOf("<section id=\"findings\">");
    int database = HTML.indexOf("<section id=\"database-side\">");
    int shapes = HTML.indexOf("<section id=\"shapes-section\">");
    assertThat(findings).isPositive().isLessThan(database);
    assertThat(database).isLessThan(shapes);
  }

  @Test
  void headerCountsTheDatabaseFindingsBesideTheOthers() {
    assertThat(HTML)
        .containsPattern(
            "<div class=\"meta-line\">taken [^<]* · 0 findings, 3 database findings</div>");
  }

  @Test
  void statusOfEveryDatabaseWithItsSentence() {
    assertThat(HTML)
        .contains(
            "<li class=\"server-status\" data-state=\"reading\"><b>postgresql shop at"
                + " db.example:5432, pg_stat_statements: reading, 12 polls, 3 shapes matched, 1 not"
                + " matched</b><div class=\"muted\">reading every 10s on a connection of its"
                + " own</div></li>")
        .contains(
            "<li class=\"server-status\" data-state=\"unavailable\"><b>mariadb audit at"
                + " 10.0.0.7:3306, performance_schema: unavailable</b>");
  }

  @Test
  void oneCardPerDatabaseFindingLinkedToItsShape() {
    assertThat(HTML)
        .contains(
            "<li class=\"finding db-finding\" id=\"finding-D1\" data-kind=\"slow-in-database\">"
                + "<div class=\"head\"><span class=\"rank\">D1</span><span class=\"kind"
                + " k-slow-in-database\">slow-in-database</span><b class=\"explanation\">lock"
                + " wait (38 of 40 samples in flight)</b><span class=\"counts\""
                + " data-value=\"40000000\">client 42.0ms, server 40.0ms per execution; 100"
                + " server calls</span></div>")
        .contains("<a href=\"#shape-00000000000000a1\" class=\"shape-link\">")
        .contains("id=\"finding-D2\" data-kind=\"full-scan\"")
        .contains("id=\"finding-D3\" data-kind=\"network-bound\"");
  }

  @Test
  void shapeTableSetsServerBesideClientAndTheDetailHoldsTheServerFigures() {
    assertThat(HTML)
        .contains("<th colspan=\"2\" class=\"group\">per execution</th>")
        .contains(
            "<td class=\"num server\" data-value=\"40000000\">40.0ms</td><td class=\"num"
                + " outside\" data-value=\"2000000\">2.00ms</td>")
        .contains("<td class=\"num server none\" data-value=\"-1\">no server match</td>")
        .contains("<dt>wait samples</dt><dd>CPU 1, lock wait 38, other wait 1 (every 1.00s)</dd>")
        .contains("<dt>blocks</dt><dd>19,000 hit, 1,000 read</dd>")
        .contains("<dt>planning</dt><dd>100ms</dd>");
  }

  @Test
  void serverTextIsEscaped() {
    assertThat(HTML)
        .contains("<code class=\"plan\">Seq Scan on orders o &lt;b&gt;filter&lt;/b&gt;</code>")
        .doesNotContain("<b>filter</b>");
  }

  @Test
  void shapesAreTaggedWithTheirDatabaseFindingsForTheFilter() {
    assertThat(HTML)
        .contains(
            "id=\"shape-00000000000000a1\" data-op=\"UPDATE\" data-kinds=\"slow-in-database\"")
        .contains("<option value=\"full-scan\">full-scan</option>");
  }

  @Test
  void nothingOfTheServerWithoutAReader() {
    String html = HtmlReport.render(TestSnapshots.golden());

    assertThat(html)
        .doesNotContain(
            "database-side", "database finding", "no server match", "per execution", "server-facts")
        .containsPattern("<div class=\"meta-line\">taken [^<]* · 3 findings</div>");
  }
}
