package io.querylens.exporter.otel.internal.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) in a process of its own, scraping
 * one target every second, with its own temporary storage and a free port. Under {@code CI=true} a
 * missing binary fails the test; elsewhere it skips it. Public for the exporter's other tests.
 */
public final class PrometheusServer implements AutoCloseable {
  private static final Pattern scalar = Pattern.compile("\"value\":\\[[^,]+,\"([^\"]+)\"\\]");

  private final Process process;
  private final Path log;
  private final URI api;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Process process, Path log, URI api) {
    this.process = process;
    this.log = log;
    this.api = api;
  }

  /** Starts Prometheus scraping {@code target} (host:port) and waits until it is ready. */
  public static PrometheusServer start(String target, Path dir) throws Exception {
    Path binary = Path.of(System.getProperty("querylens-it.prometheus", "/usr/bin/prometheus"));
    if (!Files.isExecutable(binary)) {
      if ("true".equals(System.getenv("CI"))) {
        fail(binary + " is missing; .ci/run installs Debian's prometheus package");
      }
      Assumptions.abort(binary + " is missing; install Debian's prometheus package");
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "scrape_configs:\n  - job_name: querylens\n    static_configs:\n"
            + "      - targets: ['"
            + target
            + "']\n");
    int port = freePort();
    Path log = dir.resolve("prometheus.log");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusServer server =
        new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
    server.awaitReady();
    return server;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("Prometheus exited: " + Files.readString(log));
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    fail("Prometheus not ready after 30 s: " + Files.readString(log));
  }

  /**
   * The value of the instant {@code query} (a scalar-valued expression such as {@code sum(...)}),
   * or null while it has no result.
   */
  Double query(String query) throws Exception {
    Matcher m = scalar.matcher(api("query", "query", query));
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  /**
   * The JSON body of the HTTP API's {@code endpoint} ({@code query}, {@code series}, {@code
   * label/<name>/values}...), with {@code parameter} set to {@code value}; fails on any status but
   * 200.
   */
  public String api(String endpoint, String parameter, String value) throws Exception {
    HttpResponse<String> r =
        get(
            "/api/v1/"
                + endpoint
                + "?"
                + URLEncoder.encode(parameter, StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      fail("Prometheus answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** Polls {@code query} until it equals {@code expected}; fails with the last value after 30 s. */
  public void awaitValue(String query, double expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Double last = null;
    while (System.nanoTime() < deadline) {
      last = query(query);
      if (last != null && last == expected) {
        return;
      }
      Thread.sleep(250);
    }
    fail(query + " was " + last + ", expected " + expected + "; log: " + Files.readString(log));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Stops Prometheus, forcibly after 10 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
