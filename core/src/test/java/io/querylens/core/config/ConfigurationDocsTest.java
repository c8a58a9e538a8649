package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the key table in {@code docs/configuration.md}, between the marker lines, exactly the one
 * {@link ConfigTable} renders. Run with {@code -Dquerylens.docs.update=true} to rewrite it.
 */
class ConfigurationDocsTest {
  static final String START = "<!-- config-table:start -->\n";
  static final String END = "<!-- config-table:end -->";

  @Test
  void docsTableIsTheOneTheDeclarationsRender() throws IOException {
    Path doc = reactorRoot().resolve("docs").resolve("configuration.md");
    assertThat(doc).as("the configuration page").isRegularFile();
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    if (start < 0 || end < start || text.indexOf(START, start + 1) >= 0) {
      fail(doc + " needs one line " + START.trim() + " followed later by one line " + END);
    }
    String expected = ConfigTable.render();
    String actual = text.substring(start + START.length(), end);
    if (actual.equals(expected)) {
      return;
    }
    if (Boolean.getBoolean("querylens.docs.update")) {
      String updated = text.substring(0, start + START.length()) + expected + text.substring(end);
      Files.writeString(doc, updated, StandardCharsets.UTF_8);
      System.out.println("Rewrote the key table in " + doc);
      return;
    }
    fail(
        "The key table in "
            + doc
            + " is out of step with ConfigKey; run the test with -Dquerylens.docs.update=true or"
            + " put this between the markers:\n\n"
            + expected);
  }

  /** Walks up from the working directory to the directory whose pom.xml lists modules. */
  private static Path reactorRoot() throws IOException {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)
          && Files.readString(pom, StandardCharsets.UTF_8).contains("<modules>")) {
        return dir;
      }
    }
    return fail("No pom.xml with <modules> above " + start + "; cannot find the docs");
  }
}
