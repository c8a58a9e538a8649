package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the shaded jar holds: QueryLens and, relocated, everything it needs. */
class AgentJarIT {

  @Test
  void everyClassLivesUnderIoQuerylensAndOfByteBuddyOnlyItsAsmIsThere() throws IOException {
    List<String> foreign = new ArrayList<>();
    List<String> byteBuddy = new ArrayList<>();
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        if (!name.startsWith("io/querylens/") || name.endsWith("module-info.class")) {
          foreign.add(name);
        }
        if (name.startsWith("io/querylens/shaded/net/bytebuddy/")) {
          byteBuddy.add(name);
        }
      }
    }
    assertThat(foreign).isEmpty();
    assertThat(byteBuddy)
        .contains("io/querylens/shaded/net/bytebuddy/jar/asm/ClassReader.class")
        .allMatch(name -> name.matches("io/querylens/shaded/net/bytebuddy/jar/asm/[^/]+"));
  }

  @Test
  void openTelemetryAndItsSenderAreRelocatedWithTheirServiceFiles() throws IOException {
    List<String> resources = new ArrayList<>();
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        resources.add(entry.getName());
      }
      assertThat(resources)
          .contains(
              "io/querylens/shaded/io/opentelemetry/sdk/OpenTelemetrySdk.class",
              "io/querylens/shaded/io/opentelemetry/exporter/otlp/trace/OtlpGrpcSpanExporter.class",
              "io/querylens/shaded/okhttp3/OkHttpClient.class",
              "io/querylens/shaded/okio/Buffer.class",
              "io/querylens/shaded/kotlin/Unit.class",
              "io/querylens/shaded/io/prometheus/metrics/exporter/httpserver/HTTPServer.class")
          .noneMatch(name -> name.startsWith("io/prometheus/"))
          .noneMatch(name -> name.startsWith("META-INF/versions/"))
          .noneMatch(name -> name.endsWith(".kotlin_module"))
          .noneMatch(name -> name.startsWith("META-INF/services/io.opentelemetry"));
      assertThat(service(jar, "io.querylens.core.QueryLensExtension").lines())
          .as(
              "the agent's choice between the two exporter copies, not the exporter's own, and"
                  + " core's exit reports")
          .containsExactlyInAnyOrder(
              "io.querylens.agent.internal.ExporterChoice", "io.querylens.core.report.ExitReports");
      assertThat(
              service(
                  jar, "io.querylens.shaded.io.opentelemetry.sdk.common.export.GrpcSenderProvider"))
          .isEqualTo(
              "io.querylens.shaded.io.opentelemetry.exporter.sender.okhttp.internal"
                  + ".OkHttpGrpcSenderProvider");
      assertThat(
              service(
                  jar,
                  "io.querylens.shaded.io.opentelemetry.sdk.autoconfigure.spi.internal"
                      + ".ConfigurableMetricReaderProvider"))
          .isEqualTo(
              "io.querylens.shaded.io.opentelemetry.exporter.prometheus.internal"
                  + ".PrometheusMetricReaderProvider");
    }
  }

  /**
   * Every OpenTelemetry name a class of the jar mentions is relocated, except those of the copy of
   * the exporter made for the OpenTelemetry Java agent, which names that agent's bootstrap API
   * (only its {@code api}, {@code context} and {@code common} packages are on the boot class path)
   * and, as strings, its classes to look for. The SDK's setting and logger names stay too (a system
   * property such as {@code io.opentelemetry.context.contextStorageProvider} is the application's
   * and QueryLens's alike).
   */
  @Test
  void theOnlyUnrelocatedOpenTelemetryNamesAreTheJavaAgentsBootstrapApi() throws IOException {
    Pattern name = Pattern.compile("(?<![A-Za-z0-9_/$.])io[/.]opentelemetry[/.][A-Za-z0-9_/$.]*");
    Pattern allowed =
        Pattern.compile(
            "io/opentelemetry/javaagent/shaded/io/opentelemetry/(api|context|common)/.*"
                + "|io\\.opentelemetry\\.javaagent\\..*");
    Set<String> settings =
        Set.of(
            "io.opentelemetry.usage.",
            "io.opentelemetry.context.contextStorageProvider",
            "io.opentelemetry.sdk.common.export.GrpcSenderProvider",
            "io.opentelemetry.sdk.common.export.HttpSenderProvider");
    Set<String> unrelocated = new TreeSet<>();
    Set<String> bootstrapApi = new TreeSet<>();
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        String bytes =
            new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
        Matcher m = name.matcher(bytes);
        while (m.find()) {
          if (!settings.contains(m.group())) {
            (allowed.matcher(m.group()).matches() ? bootstrapApi : unrelocated)
                .add(entry.getName() + " -> " + m.group());
          }
        }
      }
    }
    assertThat(unrelocated).isEmpty();
    assertThat(bootstrapApi)
        .isNotEmpty()
        .allMatch(
            ref ->
                ref.startsWith("io/querylens/exporter/otel/javaagent/")
                    || ref.startsWith("io/querylens/shaded/javaagent/")
                    || ref.contains("-> io.opentelemetry.javaagent."));
  }

  private static String service(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry("META-INF/services/" + name);
    assertThat(entry).as(name).isNotNull();
    return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).trim();
  }

  @Test
  void registersItsOwnLoggerAndNoJdbcDriver() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      assertThat(jar.getEntry("META-INF/services/java.sql.Driver")).isNull();
      assertThat(jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).isNull();
      String provider =
          new String(
              jar.getInputStream(
                      jar.getEntry(
                          "META-INF/services/io.querylens.shaded.org.slf4j.spi.SLF4JServiceProvider"))
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(provider.trim()).isEqualTo("io.querylens.agent.internal.StderrLoggerProvider");
    }
  }

  @Test
  void manifestNamesTheEntryPointsAndAllowsRetransformation() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      String agent = QueryLensAgent.class.getName();
      assertThat(main.getValue("Premain-Class")).isEqualTo(agent);
      assertThat(main.getValue("Agent-Class")).isEqualTo(agent);
      assertThat(main.getValue("Main-Class")).isEqualTo(agent);
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");
      assertThat(main.getValue("Multi-Release")).as("no versioned classes to pick").isNull();
    }
  }
}
