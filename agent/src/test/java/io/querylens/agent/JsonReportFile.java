package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures the tests check out of a child's JSON report (schema version 2). */
final class JsonReportFile {
  private final String json;

  private JsonReportFile(String json) {
    this.json = json;
  }

  static JsonReportFile read(Path file) throws IOException {
    assertThat(file).as("the child's JSON report").isRegularFile();
    return new JsonReportFile(Files.readString(file, StandardCharsets.UTF_8));
  }

  String text() {
    return json;
  }

  /** Executions of {@code shape} (normalised text); 0 when the report does not list it. */
  long count(String shape) {
    Matcher m =
        Pattern.compile(
                "\"shape\": \""
                    + Pattern.quote(shape)
                    + "\",\\s*\"id\": \"[0-9a-f]+\",\\s*\"operation\": \"[A-Z]*\","
                    + "\\s*(?:\"ddl\": (?:true|false),\\s*)?\"count\": (\\d+)")
            .matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** Checkouts from a pool (their pool waits). */
  long acquires() {
    return connections("acquire", "count");
  }

  /** Physical connects. */
  long connects() {
    return connections("connect", "count");
  }

  /** The shortest physical connect, in nanoseconds. */
  long connectMinNanos() {
    return connections("connect", "min");
  }

  /** Checkouts the application closed. */
  long holds() {
    return connections("hold", "count");
  }

  /** The {@code field} of the connection distribution {@code distribution}. */
  private long connections(String distribution, String field) {
    Matcher m =
        Pattern.compile("(?s)\"connections\": \\{.*?\"" + distribution + "\": \\{([^}]*)\\}")
            .matcher(json);
    assertThat(m.find()).as("connections in %s", json).isTrue();
    Matcher value = Pattern.compile("\"" + field + "\": (\\d+)").matcher(m.group(1));
    assertThat(value.find()).as("%s.%s in %s", distribution, field, json).isTrue();
    return Long.parseLong(value.group(1));
  }

  /** Findings of {@code kind} ({@code n-plus-one}, ...) on {@code shape}, any call site. */
  long findings(String kind, String shapeFragment) {
    Matcher m =
        Pattern.compile("\"kind\": \"" + Pattern.quote(kind) + "\",\\s*\"shape\": \"([^\"]*)\"")
            .matcher(json);
    long n = 0;
    while (m.find()) {
      if (m.group(1).contains(shapeFragment)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The statistics reader's entry for {@code system}'s database in {@code serverStats}: its {@code
   * state} and {@code matchedShapes}, as {@code "reading 3"}; null when there is none.
   */
  String serverStats(String system) {
    Matcher m =
        Pattern.compile(
                "(?s)\"database\": \\{\"system\": \""
                    + Pattern.quote(system)
                    + "\"[^}]*\\},.*?\"state\": \"(\\w+)\",.*?\"matchedShapes\": (\\d+)")
            .matcher(json.substring(Math.max(0, json.indexOf("\"serverStats\""))));
    return m.find() ? m.group(1) + " " + m.group(2) : null;
  }

  /** Whether {@code shape} has the server's figures ({@code "server": {...}}, not null). */
  boolean hasServerSide(String shape) {
    int at = json.indexOf("\"shape\": \"" + shape + "\"");
    assertThat(at).as("shape %s in %s", shape, json).isNotNegative();
    int next = json.indexOf("\"shape\": ", at + 1);
    String entry = next < 0 ? json.substring(at) : json.substring(at, next);
    return entry.contains("\"server\": {");
  }

  long internalFaults() {
    Matcher m = Pattern.compile("\"internalFaults\": (\\d+)").matcher(json);
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
