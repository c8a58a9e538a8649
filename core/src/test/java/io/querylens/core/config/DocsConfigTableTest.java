package io.querylens.core.config;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the configuration table in docs/configuration.md (between the config-table markers) in step
 * with {@link ConfigKey}.
 */
class DocsConfigTableTest {
  private static final String START = "<!-- config-table:start -->";
  private static final String END = "<!-- config-table:end -->";

  /** The table the docs should contain, one row per key, as the failure message prints it. */
  static String expectedTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Key | Environment variable | Type | Default | Description |\n");
    sb.append("| --- | --- | --- | --- | --- |\n");
    for (ConfigKey k : ConfigKey.values()) {
      boolean none = k.defaultValue() == null || k.defaultText().equals("none");
      String def = none ? k.defaultText() : "`" + k.defaultText() + "`";
      sb.append("| `").append(k.key()).append("` | `").append(k.envName()).append("` | ");
      sb.append(k.typeText()).append(" | ").append(def).append(" | ");
      sb.append(k.description()).append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void docsTableListsEveryKeyWithItsDefaultAndNoOtherKeys() throws IOException {
    Path root = reactorRoot();
    Path page = root.resolve("docs/configuration.md");
    if (!Files.isRegularFile(page)) {
      fail(
          "No docs/configuration.md in the reactor root "
              + root
              + "; add one with this table between "
              + START
              + " and "
              + END
              + ":\n\n"
              + expectedTable());
    }
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    boolean ended = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      String t = line.trim();
      if (t.equals(START)) {
        inTable = true;
      } else if (t.equals(END)) {
        ended = inTable;
        inTable = false;
      } else if (inTable && t.startsWith("|")) {
        rows.add(cells(t));
      }
    }
    if (!ended) {
      fail(page + " has no table between " + START + " and " + END + ":\n\n" + expectedTable());
    }
    List<String> wrong = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      boolean found = false;
      for (List<String> row : rows) {
        if (row.contains(k.key()) && row.contains(k.defaultText())) {
          found = true;
          break;
        }
      }
      if (!found) {
        wrong.add("no table row with " + k.key() + " and its default " + k.defaultText());
      }
    }
    for (List<String> row : rows) {
      String first = row.isEmpty() ? "" : row.get(0);
      if (first.startsWith(ConfigKey.PREFIX) && ConfigKey.byKey(first) == null) {
        wrong.add("table row for " + first + ", which ConfigKey does not declare");
      }
    }
    if (!wrong.isEmpty()) {
      fail(
          page
              + " is out of step with ConfigKey:\n  "
              + String.join("\n  ", wrong)
              + "\nExpected table:\n\n"
              + expectedTable());
    }
  }

  /** Cells of a markdown table row, trimmed, with backticks and emphasis marks removed. */
  private static List<String> cells(String row) {
    String inner =
        row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.replace("`", "").replace("*", "").trim());
    }
    return cells;
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
