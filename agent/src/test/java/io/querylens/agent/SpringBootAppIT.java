package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spring Boot executable jar of {@code agent-it-app} (Web MVC on Tomcat, Data JPA, HikariCP,
 * H2), run with the agent attached and nothing else: HTTP requests are units of work named by their
 * route, and the n-plus-one of {@code GET /owners} is found in them, at the controller's line. The
 * seed Spring's SQL initialisation runs at start-up ({@code data.sql}) is start-up: its findings
 * come after the request's, at the script runner, and only in the start-up section.
 */
class SpringBootAppIT {
  private static final Pattern PORT = Pattern.compile("started on port (\\d+)");

  @TempDir Path dir;

  /** The repackaged jar the root reactor builds before this module. */
  static Path appJar() {
    Path jar =
        Path.of(
            System.getProperty(
                "querylens-agent-it-app.jar", "../agent-it-app/target/querylens-agent-it-app.jar"));
    assertThat(jar)
        .as("the Spring Boot fixture (built by the root reactor: mvn verify from the root)")
        .isRegularFile();
    return jar.toAbsolutePath();
  }

  @Test
  void requestsAreUnitsNamedByRouteAndTheNPlusOneIsAttributedToTheControllerLine()
      throws Exception {
    Path report = dir.resolve("querylens.json");
    Path log = dir.resolve("stdout.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + ChildJvm.agentJar() + "=nplusone.threshold=3");
    command.add("-Dquerylens.report.json=" + report);
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(appJar().toString());
    command.add("--server.port=0");
    Process app =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int port = awaitPort(app, log);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      for (String path : List.of("/owners", "/owners", "/owners/1", "/owners/2")) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        if (path.equals("/owners")) {
          assertThat(response.body()).as("the application's result").contains("\"pets\":2");
        }
      }
    } finally {
      app.destroy(); // SIGTERM: the shutdown hooks run and the report is written
      if (!app.waitFor(60, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(report).as("the report; output:%n%s", output).isRegularFile();
    String json = Files.readString(report, StandardCharsets.UTF_8);

    String nPlusOne = finding(json, "n-plus-one", "from pet");
    assertThat(nPlusOne)
        .as("the lazy pets of each owner, in %s", json)
        .contains("\"exampleUnit\": \"GET /owners\"")
        .containsPattern(
            "\"callSite\": \"com\\.example\\.boot\\.OwnerController\\.owners\\(OwnerController\\.java:\\d+\\)\"")
        .contains("\"occurrences\": 2")
        .contains("\"maxCount\": 6");
    assertThat(units(json))
        .as("route templates, not raw paths")
        .contains("GET /owners", "GET /owners/{id}")
        .noneMatch(name -> name.contains("/owners/1") || name.contains("/owners/2"));
    assertThat(json).contains("\"internalFaults\": 0");
    assertStartUpComesAfterTheRequests(json, output);
    assertThat(output)
        .contains("QueryLens agent started")
        .doesNotContain("[QueryLens] ERROR")
        .doesNotContain("internal fault");
  }

  /**
   * The first finding is the request's n-plus-one; the seed script's row by row inserts are
   * start-up findings at Spring's script runner, after every other finding in the JSON and only in
   * the console's start-up section; the DDL is grouped apart from the application's shapes.
   */
  private static void assertStartUpComesAfterTheRequests(String json, String output) {
    List<String> findings = findings(json);
    assertThat(findings).as("findings in %s", json).isNotEmpty();
    assertThat(findings.get(0))
        .as("the first finding")
        .contains("\"kind\": \"n-plus-one\"")
        .contains("\"exampleUnit\": \"GET /owners\"")
        .contains("\"phase\": \"runtime\"");
    String seed = finding(json, "chatty-writes", "INSERT INTO pet ");
    assertThat(seed)
        .as("the seed script's pets, in %s", json)
        .contains("\"phase\": \"startup\"")
        .containsPattern(
            "\"callSite\": \"org\\.springframework\\.jdbc\\.datasource\\.init\\.ScriptUtils"
                + "\\.executeSqlScript\\(ScriptUtils\\.java:\\d+\\)\"")
        .contains("\"hint\": \"a start-up data script");
    List<String> phases =
        findings.stream()
            .map(f -> f.contains("\"phase\": \"startup\"") ? "startup" : "runtime")
            .toList();
    assertThat(phases.indexOf("startup"))
        .as("start-up findings after every other one: %s", phases)
        .isEqualTo(phases.lastIndexOf("runtime") + 1);

    int summary = output.indexOf("QueryLens summary:");
    assertThat(summary).as("the console report; output:%n%s", output).isNotNegative();
    String console = output.substring(summary);
    int requestFindings = console.indexOf("\nFindings: ");
    int startupFindings = console.indexOf("\nStart-up findings: ");
    assertThat(requestFindings).as(console).isPositive();
    assertThat(startupFindings).as(console).isGreaterThan(requestFindings);
    assertThat(console.substring(requestFindings, startupFindings))
        .contains("n-plus-one")
        .doesNotContain("chatty-writes")
        .doesNotContain("ScriptUtils");
    assertThat(console.substring(startupFindings))
        .contains("chatty-writes")
        .contains("org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(")
        .contains("\nDDL (schema statements): ");
  }

  /** The JSON objects of the findings, in the report's order. */
  private static List<String> findings(String json) {
    Matcher m = Pattern.compile("\\{\\s*\"kind\": \"[^\"]*\"[^}]*\\}").matcher(json);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Waits for Tomcat's "started on port N" line. */
  static int awaitPort(Process app, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      Matcher m = PORT.matcher(output);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(app.isAlive()).as("the application is running; output:%n%s", output).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the application did not start in 90 s");
  }

  /** The JSON object of the first finding of {@code kind} whose shape contains {@code shape}. */
  private static String finding(String json, String kind, String shape) {
    Matcher m =
        Pattern.compile("\\{\\s*\"kind\": \"" + Pattern.quote(kind) + "\"[^}]*\\}").matcher(json);
    while (m.find()) {
      if (m.group().contains(shape)) {
        return m.group();
      }
    }
    return "";
  }

  /** The names of the units of work in the report. */
  private static List<String> units(String json) {
    int at = json.indexOf("\"units\":");
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\"name\": \"([^\"]*)\"").matcher(json.substring(Math.max(0, at)));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
