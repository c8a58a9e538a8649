package io.querylens.examples;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests: the DOM of a page after its scripts ran, and screenshots. Debian's
 * {@code chromium} at {@code /usr/bin/chromium} (or {@code -Dquerylens-it.chromium=...}); when it
 * is missing the test is skipped, unless {@code CI=true}, where {@code .ci/run} installs it and a
 * missing browser fails the test.
 */
final class Chromium {
  private static final long TIMEOUT_SECONDS = 90;

  private final Path binary;
  private final Path work;

  private Chromium(Path binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /** The browser, with {@code work} for its profile and logs; skips or fails when it is missing. */
  static Chromium require(Path work) {
    Path binary = Path.of(System.getProperty("querylens-it.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(binary)) {
      String message = binary + " is missing; install Debian's chromium package";
      if ("true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).trim())) {
        fail(message + " (CI=true: .ci/run installs it)");
      }
      Assumptions.abort(message + "; skipping");
    }
    return new Chromium(binary, work);
  }

  /** The page's DOM, serialised after its scripts ran; {@code fragment} may be empty. */
  String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url(page, fragment)), "dump-dom");
  }

  /** A PNG of the first {@code width} x {@code height} pixels of the page. */
  void screenshot(Path page, String fragment, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height,
            url(page, fragment)),
        "screenshot");
    if (!Files.isRegularFile(png)) {
      fail("Chromium wrote no screenshot " + png + "; see " + work.resolve("screenshot.log"));
    }
  }

  private static String url(Path page, String fragment) {
    return page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
  }

  private String run(List<String> arguments, String name) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--headless");
    command.add("--disable-gpu");
    command.add("--no-sandbox"); // CI runs as root, where Chromium's sandbox cannot start
    command.add("--no-first-run");
    command.add("--no-default-browser-check");
    command.add("--disable-extensions");
    command.add("--hide-scrollbars");
    command.add("--user-data-dir=" + work.resolve("profile-" + name).toAbsolutePath());
    command.addAll(arguments);
    Path out = work.resolve(name + ".out");
    Path log = work.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(log.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within " + TIMEOUT_SECONDS + "s: " + command);
    }
    if (process.exitValue() != 0) {
      fail(
          "Chromium exited with "
              + process.exitValue()
              + ": "
              + command
              + "\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
