package io.querylens.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports a user gets at JVM exit, from a real child JVM that only changed its URL. */
class ExitReportIT {
  @TempDir Path dir;

  @Test
  void writesTheJsonAndHtmlReportsAndPrintsTheSummaryAtExit() throws Exception {
    Path json = dir.resolve("reports/querylens.json");
    Path html = dir.resolve("html/querylens.html");
    Path stderr = dir.resolve("stderr.txt");
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dquerylens.report.json=" + json,
                    "-Dquerylens.report.html=" + html,
                    "-Dquerylens.max-shape=10",
                    ExitReportApp.class.getName()))
            .redirectErrorStream(false)
            .redirectError(stderr.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(err).isZero();

    assertThat(err).contains("QueryLens summary").contains("insert into item values (?, ?)");
    assertThat(err)
        .as("an unknown key is reported with the nearest valid one")
        .contains("querylens.max-shape")
        .contains("querylens.max-shapes");

    String report = Files.readString(json, StandardCharsets.UTF_8);
    assertThat(report)
        .contains("\"shape\": \"insert into item values (?, ?)\"")
        .containsPattern("\"count\": 7,\\s*\"errors\": 0")
        .contains("\"connections\"");
    assertThat(report).as("bind values are never exported").doesNotContain("item \\\"");

    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<code>insert into item values (?, ?)</code>")
        .contains("class=\"num count\" data-value=\"7\"")
        .endsWith("</html>\n");
    assertThat(page)
        .as("bind values are never exported")
        .doesNotContain("item \\\"", "item &quot;");
  }
}
