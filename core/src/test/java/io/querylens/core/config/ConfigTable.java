package io.querylens.core.config;

import java.util.List;

/**
 * Renders the key table of {@code docs/configuration.md} from the {@link ConfigKey} declarations.
 */
final class ConfigTable {
  private ConfigTable() {}

  /** One row per key, in declaration order, each line ending with a newline. */
  static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Key | Environment variable | Type | Default | Description |\n");
    sb.append("| --- | --- | --- | --- | --- |\n");
    for (ConfigKey<?> k : ConfigKey.values()) {
      sb.append("| `").append(k.key()).append("` | `").append(k.envName()).append("` | ");
      sb.append(k.typeText()).append(" | ").append(defaultCell(k)).append(" | ");
      sb.append(k.description()).append(" |\n");
    }
    return sb.toString();
  }

  /** The default as code, or as a plain word when there is none ({@code unset}, {@code none}). */
  private static String defaultCell(ConfigKey<?> k) {
    Object value = k.defaultValue();
    boolean absent = value == null || value.equals(List.of());
    return absent ? k.defaultText() : "`" + k.defaultText() + "`";
  }
}
