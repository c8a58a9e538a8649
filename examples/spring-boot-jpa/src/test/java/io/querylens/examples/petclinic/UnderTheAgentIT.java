package io.querylens.examples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged example (its Spring Boot jar) in a child JVM under the agent the same build made, as
 * docs/spring-boot-example.md runs it: the agent records the pool and names the requests, the
 * starter stands aside, and the starter's {@code @Transactional} unit of {@code
 * OwnerDirectory.list} does not rename the request's. Read from the JSON report the agent writes at
 * exit. Paths from failsafe (pom.xml).
 */
class UnderTheAgentIT {
  private static final Pattern PORT = Pattern.compile("started on port (\\d+)");
  private static final Path SOURCE =
      Path.of("src/main/java/io/querylens/examples/petclinic/OwnerDirectory.java");

  @TempDir Path dir;

  @Test
  void withoutTheFixTheNPlusOneIsFoundInTheRequestAtTheLazyPetsLine() throws Exception {
    JsonNode report = reportAfterGetOwners(false);

    List<JsonNode> nPlusOne = findings(report, "n-plus-one");
    assertThat(nPlusOne).as("n-plus-one findings in %s", report).hasSize(1);
    JsonNode finding = nPlusOne.get(0);
    assertThat(finding.path("shape").asString()).contains("from pet");
    assertThat(finding.path("exampleUnit").asString()).isEqualTo("GET /owners");
    assertThat(elements(finding.path("unitNames")))
        .extracting(JsonNode::asString)
        .containsExactly("GET /owners");
    assertThat(finding.path("callSite").asString())
        .isEqualTo(
            "io.querylens.examples.petclinic.OwnerDirectory.view(OwnerDirectory.java:"
                + lineOf("owner.getPets()")
                + ")");
    assertThat(report.path("internalFaults").asLong()).isZero();
  }

  @Test
  void withTheFixThereIsNoNPlusOne() throws Exception {
    JsonNode report = reportAfterGetOwners(true);

    assertThat(findings(report, "n-plus-one")).as("n-plus-one findings in %s", report).isEmpty();
    assertThat(elements(report.path("units")))
        .as("units of work in %s", report)
        .extracting(u -> u.path("name").asString())
        .contains("GET /owners")
        .doesNotContain("OwnerDirectory.list");
    assertThat(report.path("internalFaults").asLong()).isZero();
  }

  /**
   * Runs the application with {@code petclinic.fix-n-plus-one=fix}, calls {@code GET /owners} once,
   * stops it (SIGTERM, so the agent writes its report) and returns the report.
   */
  private JsonNode reportAfterGetOwners(boolean fix) throws Exception {
    Path report = dir.resolve("querylens.json");
    Path log = dir.resolve("output.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + file("querylens-agent.jar"));
    command.add("-Dquerylens.report.json=" + report);
    command.add("-Dquerylens.report.console=false");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(file("querylens-example.jar").toString());
    command.add("--server.port=0");
    command.add("--petclinic.fix-n-plus-one=" + fix);
    Process app =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpResponse<String> owners =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + awaitPort(app, log) + "/owners"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(owners.statusCode()).isEqualTo(200);
      assertThat(owners.body()).contains("\"pets\":[");
    } finally {
      app.destroy();
      if (!app.waitFor(60, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    assertThat(report).as("the agent's report; output:%n%s", read(log)).isRegularFile();
    return JsonMapper.builder().build().readTree(report);
  }

  /** A file failsafe names in the system property {@code key}. */
  private static Path file(String key) {
    String path = System.getProperty(key);
    assertThat(path).as("system property %s (set by failsafe)", key).isNotNull();
    Path file = Path.of(path).toAbsolutePath();
    assertThat(file).as("%s (built by the reactor before this test)", key).isRegularFile();
    return file;
  }

  /** Waits for the embedded Tomcat's "started on port N" line. */
  private static int awaitPort(Process app, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String output = read(log);
      Matcher m = PORT.matcher(output);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(app.isAlive()).as("the application is running; output:%n%s", output).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the application did not start in 90 s:\n" + read(log));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static List<JsonNode> findings(JsonNode report, String kind) {
    return elements(report.path("findings")).stream()
        .filter(f -> f.path("kind").asString().equals(kind))
        .toList();
  }

  /** The elements of a JSON array; none when {@code array} is missing. */
  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /** The 1-based line of {@code OwnerDirectory.java} that holds {@code code}, once. */
  private static int lineOf(String code) throws IOException {
    List<String> source = Files.readAllLines(SOURCE);
    List<Integer> lines = new ArrayList<>();
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).contains(code)) {
        lines.add(i + 1);
      }
    }
    assertThat(lines).as("lines of %s holding %s", SOURCE, code).hasSize(1);
    return lines.get(0);
  }
}
