package io.querylens.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the configuration sources into a {@link QueryLensConfig.Builder}, collecting a message for
 * every unknown key and bad value instead of throwing. Used once per {@link QueryLensConfig#from}.
 */
final class ConfigReader {
  /** Longest value quoted in a message; longer ones are cut. */
  private static final int MAX_QUOTED = 120;

  private static final List<String> KEYS = new ArrayList<>();
  private static final List<String> ENV_NAMES = new ArrayList<>();

  static {
    for (ConfigKey<?> k : ConfigKey.values()) {
      KEYS.add(k.key());
      ENV_NAMES.add(k.envName());
    }
  }

  /** A raw value and where it came from. */
  private record Raw(String value, String source) {}

  private final List<String> problems = new ArrayList<>();

  /** Reads the sources, lowest precedence first so that higher ones overwrite. */
  QueryLensConfig.Builder read(
      Map<String, String> overrides, Properties sysProps, Map<String, String> env) {
    Raw[] chosen = new Raw[ConfigKey.values().size()]; // by ConfigKey.index()
    // problems are listed highest precedence first, each source in key order
    List<String> envProblems = readEnv(env, chosen);
    List<String> sysPropProblems = readSysProps(sysProps, chosen);
    List<String> overrideProblems = readOverrides(overrides, chosen);
    problems.addAll(overrideProblems);
    problems.addAll(sysPropProblems);
    problems.addAll(envProblems);

    QueryLensConfig.Builder builder = QueryLensConfig.builder();
    for (ConfigKey<?> key : ConfigKey.values()) {
      if (chosen[key.index()] != null) {
        apply(builder, key, chosen[key.index()]);
      }
    }
    return builder;
  }

  /** The messages collected by {@link #read}. */
  List<String> problems() {
    return problems;
  }

  private static List<String> readEnv(Map<String, String> env, Raw[] chosen) {
    List<String> found = new ArrayList<>();
    if (env == null) {
      return found;
    }
    for (Map.Entry<String, String> e : nonNullKeys(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ConfigKey.ENV_PREFIX)) {
        continue;
      }
      String value = nullToEmpty(e.getValue());
      ConfigKey<?> key = ConfigKey.byEnvName(name);
      if (key != null) {
        chosen[key.index()] = new Raw(value, "environment variable " + name);
        continue;
      }
      String nearEnv = NearestKey.find(name, ENV_NAMES, ConfigKey.ENV_PREFIX, '_');
      String hint =
          nearEnv == null
              ? validKeys() + " (as QUERYLENS_* variables: dots and dashes become underscores)"
              : "did you mean " + nearEnv + " (" + ConfigKey.byEnvName(nearEnv).key() + ")?";
      found.add(
          name + "=" + quote(value) + " (environment variable): unknown key, ignored; " + hint);
    }
    return found;
  }

  private static List<String> readSysProps(Properties props, Raw[] chosen) {
    List<String> found = new ArrayList<>();
    if (props == null) {
      return found;
    }
    for (Map.Entry<String, String> e : toMap(props).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ConfigKey.PREFIX)) {
        continue;
      }
      String value = nullToEmpty(e.getValue());
      ConfigKey<?> key = ConfigKey.byKey(name);
      if (key != null) {
        chosen[key.index()] = new Raw(value, "system property");
      } else {
        found.add(unknownKey(name, value, "system property"));
      }
    }
    return found;
  }

  private static List<String> readOverrides(Map<String, String> overrides, Raw[] chosen) {
    List<String> found = new ArrayList<>();
    if (overrides == null) {
      return found;
    }
    Map<String, String> givenAs = new TreeMap<>();
    for (Map.Entry<String, String> e : nonNullKeys(overrides).entrySet()) {
      String given = e.getKey().trim();
      String name = given.startsWith(ConfigKey.PREFIX) ? given : ConfigKey.PREFIX + given;
      String value = nullToEmpty(e.getValue());
      ConfigKey<?> key = ConfigKey.byKey(name);
      if (key == null) {
        found.add(unknownKey(name, value, "override"));
        continue;
      }
      String earlier = givenAs.get(name);
      if (earlier != null) {
        // e.g. both "max-shapes" and "querylens.max-shapes": the full spelling wins
        boolean keepEarlier = earlier.equals(name);
        found.add(
            name
                + " given twice in the overrides (as "
                + earlier
                + " and "
                + given
                + "); using the value of "
                + (keepEarlier ? earlier : given));
        if (keepEarlier) {
          continue;
        }
      }
      givenAs.put(name, given);
      chosen[key.index()] = new Raw(value, "override");
    }
    return found;
  }

  /** Sets {@code key} to the value {@code raw} stands for, or records why it cannot. */
  private <T> void apply(QueryLensConfig.Builder builder, ConfigKey<T> key, Raw raw) {
    T value;
    try {
      value = key.type().parse(raw.value().trim());
    } catch (IllegalArgumentException e) {
      problems.add(
          describe(key, raw) + ": " + e.getMessage() + "; using the default " + key.defaultText());
      return;
    }
    builder.set(key, value);
  }

  private static String describe(ConfigKey<?> key, Raw raw) {
    return key.key() + "=" + quote(raw.value()) + " (" + raw.source() + ")";
  }

  private static String unknownKey(String name, String value, String source) {
    String near = NearestKey.find(name, KEYS, ConfigKey.PREFIX, '.');
    String hint = near == null ? validKeys() : "did you mean " + near + "?";
    return name + "=" + quote(value) + " (" + source + "): unknown key, ignored; " + hint;
  }

  private static String validKeys() {
    return "valid keys are " + String.join(", ", KEYS);
  }

  /** The value in double quotes, cut to {@link #MAX_QUOTED} chars, control chars escaped. */
  static String quote(String value) {
    int n = Math.min(value.length(), MAX_QUOTED);
    StringBuilder sb = new StringBuilder(n + 5).append('"');
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(value.length() > MAX_QUOTED ? "...\"" : "\"").toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A sorted copy without {@code null} keys. */
  private static Map<String, String> nonNullKeys(Map<String, String> map) {
    Map<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (e.getKey() != null) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return copy;
  }

  /** A sorted copy of the string properties; stringPropertyNames() is a consistent snapshot. */
  private static Map<String, String> toMap(Properties props) {
    Map<String, String> copy = new TreeMap<>();
    for (String name : props.stringPropertyNames()) {
      copy.put(name, props.getProperty(name));
    }
    return copy;
  }
}
