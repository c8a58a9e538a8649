package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Starts an application of {@code io.querylens.agent.apps} in a child JVM, usually with the built
 * agent jar attached, and collects what it wrote. Its class path is this test's without QueryLens's
 * own classes, so that the child sees QueryLens only through the agent jar (unless asked).
 */
final class ChildJvm {
  /** This module's unshaded classes: its output directory or its plain jar. */
  private static final Pattern AGENT_ENTRY =
      Pattern.compile(".*[/\\\\](agent[/\\\\]target[/\\\\]classes|querylens-agent[^/\\\\]*\\.jar)");

  /** QueryLens's other modules: reactor output directories or jars. */
  private static final Pattern QUERYLENS_ENTRY =
      Pattern.compile(
          ".*[/\\\\](querylens-[^/\\\\]*\\.jar"
              + "|(core|proxy-driver|jdbc-testing)[/\\\\]target[/\\\\]classes)");

  /**
   * The exporter and its libraries, which the test class path has and the applications never do:
   * they see OpenTelemetry only through the agent jar (or the OpenTelemetry Java agent).
   */
  private static final Pattern EXPORTER_ENTRY =
      Pattern.compile(
          ".*[/\\\\](querylens-(exporter|agent-otel-javaagent)[^/\\\\]*\\.jar"
              + "|(exporter|agent-otel-javaagent)[/\\\\]target[/\\\\](test-)?classes"
              + "|(opentelemetry-[^/\\\\]*|okhttp[^/\\\\]*|okio[^/\\\\]*|kotlin-stdlib[^/\\\\]*"
              + "|grpc-[^/\\\\]*|protobuf-java[^/\\\\]*)\\.jar)");

  private final Path dir;
  private final List<String> jvmOptions = new ArrayList<>();
  private boolean agent = true;
  private String agentArgs;

  /** The build's own Byte Buddy jar on the test class path. */
  private static final Pattern BYTE_BUDDY_ENTRY =
      Pattern.compile(".*[/\\\\]byte-buddy-[0-9][^/\\\\]*\\.jar");

  private boolean queryLensOnClassPath;
  private Path applicationByteBuddy;

  ChildJvm(Path dir) {
    this.dir = dir;
  }

  /** The shaded jar failsafe runs against. */
  static Path agentJar() {
    Path jar = Path.of(System.getProperty("querylens-agent.jar", "target/querylens-agent.jar"));
    assertThat(jar).as("the shaded agent jar (run after package)").isRegularFile();
    return jar.toAbsolutePath();
  }

  ChildJvm option(String option) {
    jvmOptions.add(option);
    return this;
  }

  ChildJvm agentArgs(String args) {
    this.agentArgs = args;
    return this;
  }

  ChildJvm withoutAgent() {
    this.agent = false;
    return this;
  }

  /** Gives the application {@code jar} instead of the Byte Buddy the build uses. */
  ChildJvm withApplicationByteBuddy(Path jar) {
    this.applicationByteBuddy = jar;
    return this;
  }

  /** Puts the unshaded core and proxy-driver on the child's class path, as an application might. */
  ChildJvm withQueryLensOnClassPath() {
    this.queryLensOnClassPath = true;
    return this;
  }

  /** The {@code -Dquerylens.report.json} file the child writes at exit. */
  Path report() {
    return dir.resolve("querylens.json");
  }

  Process start(Class<?> main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    if (agent) {
      command.add("-javaagent:" + agentJar() + (agentArgs == null ? "" : "=" + agentArgs));
    }
    command.add("-Dquerylens.report.json=" + report());
    command.add("-Dquerylens.report.console=false");
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
  }

  /** Runs {@code main} to its end (at most a minute) and checks that it exited with status 0. */
  Result run(Class<?> main, String... args) throws IOException, InterruptedException {
    Process child = start(main, args);
    return await(child);
  }

  Result await(Process child) throws IOException, InterruptedException {
    boolean ended = child.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    Result result = new Result(read("stdout.txt"), read("stderr.txt"));
    assertThat(ended).as("child ended in time; stderr:%n%s", result.stderr()).isTrue();
    assertThat(child.exitValue()).as("exit status; stderr:%n%s", result.stderr()).isZero();
    return result;
  }

  String read(String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private String classPath() {
    List<String> kept = new ArrayList<>();
    if (applicationByteBuddy != null) {
      kept.add(applicationByteBuddy.toString());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (AGENT_ENTRY.matcher(entry).matches() || EXPORTER_ENTRY.matcher(entry).matches()) {
        continue;
      }
      if (applicationByteBuddy != null && BYTE_BUDDY_ENTRY.matcher(entry).matches()) {
        continue;
      }
      if (queryLensOnClassPath || !QUERYLENS_ENTRY.matcher(entry).matches()) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  /** What the child printed. */
  record Result(String stdout, String stderr) {}
}
