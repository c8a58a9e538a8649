package io.querylens.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration sources into a {@link QueryLensConfig.Builder}, collecting a message for
 * every unknown key and bad value instead of throwing. Used once per {@link QueryLensConfig#from}.
 */
final class ConfigReader {
  /** Longest value quoted in a message; longer ones are cut. */
  private static final int MAX_QUOTED = 120;

  /** Digits, optionally signed, optionally grouped with underscores: {@code 1_000_000}. */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+(_+[0-9]+)*");

  /** An integer as above with an optional unit: {@code 250ms}, {@code 2 s}, {@code 1m}. */
  private static final Pattern DURATION =
      Pattern.compile("([+-]?[0-9]+(?:_+[0-9]+)*)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  /** A Java package or class name prefix, optionally ending with a dot: {@code com.example.}. */
  private static final Pattern PACKAGE_PREFIX =
      Pattern.compile(
          "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
              + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*\\.?");

  private static final List<String> KEYS = new ArrayList<>();
  private static final List<String> ENV_NAMES = new ArrayList<>();

  static {
    for (ConfigKey k : ConfigKey.values()) {
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
    Map<ConfigKey, Raw> chosen = new EnumMap<>(ConfigKey.class);
    // problems are listed highest precedence first, each source in key order
    List<String> envProblems = readEnv(env, chosen);
    List<String> sysPropProblems = readSysProps(sysProps, chosen);
    List<String> overrideProblems = readOverrides(overrides, chosen);
    problems.addAll(overrideProblems);
    problems.addAll(sysPropProblems);
    problems.addAll(envProblems);

    QueryLensConfig.Builder builder = QueryLensConfig.builder();
    for (Map.Entry<ConfigKey, Raw> e : chosen.entrySet()) {
      apply(builder, e.getKey(), e.getValue());
    }
    return builder;
  }

  /** The messages collected by {@link #read}. */
  List<String> problems() {
    return problems;
  }

  private static List<String> readEnv(Map<String, String> env, Map<ConfigKey, Raw> chosen) {
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
      ConfigKey key = ConfigKey.byEnvName(name);
      if (key != null) {
        chosen.put(key, new Raw(value, "environment variable " + name));
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

  private static List<String> readSysProps(Properties props, Map<ConfigKey, Raw> chosen) {
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
      ConfigKey key = ConfigKey.byKey(name);
      if (key != null) {
        chosen.put(key, new Raw(value, "system property"));
      } else {
        found.add(unknownKey(name, value, "system property"));
      }
    }
    return found;
  }

  private static List<String> readOverrides(
      Map<String, String> overrides, Map<ConfigKey, Raw> chosen) {
    List<String> found = new ArrayList<>();
    if (overrides == null) {
      return found;
    }
    Map<String, String> givenAs = new TreeMap<>();
    for (Map.Entry<String, String> e : nonNullKeys(overrides).entrySet()) {
      String given = e.getKey().trim();
      String name = given.startsWith(ConfigKey.PREFIX) ? given : ConfigKey.PREFIX + given;
      String value = nullToEmpty(e.getValue());
      ConfigKey key = ConfigKey.byKey(name);
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
      chosen.put(key, new Raw(value, "override"));
    }
    return found;
  }

  private void apply(QueryLensConfig.Builder builder, ConfigKey key, Raw raw) {
    String text = raw.value().trim();
    switch (key.type()) {
      case BOOLEAN:
        Boolean b = parseBoolean(text);
        if (b == null) {
          badValue(key, raw);
        } else if (key == ConfigKey.ENABLED) {
          builder.setEnabled(b);
        } else if (key == ConfigKey.REPORT_CONSOLE) {
          builder.setReportConsole(b);
        } else if (key == ConfigKey.DIAGNOSIS_ENABLED) {
          builder.setDiagnosisEnabled(b);
        } else {
          throw new AssertionError(key);
        }
        return;
      case INT:
        Integer i = parseInt(text, key.min(), key.max());
        if (i == null) {
          badValue(key, raw);
        } else if (key == ConfigKey.MAX_SHAPES) {
          builder.setMaxShapes(i);
        } else if (key == ConfigKey.SQL_CACHE_MAX_ENTRIES) {
          builder.setSqlCacheMaxEntries(i);
        } else if (key == ConfigKey.SQL_CACHE_MAX_SQL_LENGTH) {
          builder.setSqlCacheMaxSqlLength(i);
        } else if (key == ConfigKey.REPORT_TOP) {
          builder.setReportTop(i);
        } else if (key == ConfigKey.NPLUSONE_THRESHOLD) {
          builder.setNPlusOneThreshold(i);
        } else if (key == ConfigKey.MAX_FINDINGS) {
          builder.setMaxFindings(i);
        } else if (key == ConfigKey.METRICS_TOP_SHAPES) {
          builder.setMetricsTopShapes(i);
        } else {
          throw new AssertionError(key);
        }
        return;
      case PATH:
        Path p;
        try {
          p = text.isEmpty() ? null : Path.of(text);
        } catch (InvalidPathException e) {
          problems.add(
              describe(key, raw)
                  + ": not a valid path ("
                  + e.getReason()
                  + "); "
                  + usingDefault(key));
          return;
        }
        if (key == ConfigKey.REPORT_JSON) {
          builder.setReportJson(p);
        } else {
          throw new AssertionError(key);
        }
        return;
      case DURATION:
        Duration d = parseDuration(text, key.min(), key.max());
        if (d == null) {
          badValue(key, raw);
        } else if (key == ConfigKey.UNIT_IDLE_GAP) {
          builder.setUnitIdleGap(d);
        } else if (key == ConfigKey.OTEL_EXIT_TIMEOUT) {
          builder.setOtelExitTimeout(d);
        } else {
          throw new AssertionError(key);
        }
        return;
      case LIST:
        List<String> list = parsePackageList(text);
        if (list == null) {
          badValue(key, raw);
        } else if (key == ConfigKey.CALLSITE_APP_PACKAGES) {
          builder.setCallSiteAppPackages(list);
        } else if (key == ConfigKey.CALLSITE_SKIP_PACKAGES) {
          builder.setCallSiteSkipPackages(list);
        } else {
          throw new AssertionError(key);
        }
        return;
      case CHOICE:
        String choice = text.toLowerCase(Locale.ROOT);
        if (!key.choices().contains(choice)) {
          badValue(key, raw);
        } else if (key == ConfigKey.LOG_LEVEL) {
          builder.setLogLevel(choice);
        } else if (key == ConfigKey.OTEL_EXPORT) {
          builder.setOtelExport(choice);
        } else if (key == ConfigKey.OTEL_SPANS) {
          builder.setOtelSpans(choice);
        } else {
          throw new AssertionError(key);
        }
        return;
      default:
        throw new AssertionError(key.type());
    }
  }

  /** {@code true/yes/on/1} or {@code false/no/off/0} in any case, else {@code null}. */
  static Boolean parseBoolean(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "on":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "off":
      case "0":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** A decimal integer within [min, max], {@code _} allowed between digits, else {@code null}. */
  static Integer parseInt(String text, int min, int max) {
    if (!INTEGER.matcher(text).matches()) {
      return null;
    }
    String digits = text.replace("_", "");
    long v;
    try {
      v = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return null; // more digits than a long holds: out of any range
    }
    return v < min || v > max ? null : (int) v;
  }

  /**
   * A duration such as {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h} or a plain integer of
   * milliseconds, within [minMillis, maxMillis], else {@code null}.
   */
  static Duration parseDuration(String text, int minMillis, int maxMillis) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1).replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
    String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
    long factor;
    switch (unit) {
      case "ms":
        factor = 1;
        break;
      case "s":
        factor = 1000;
        break;
      case "m":
        factor = 60_000;
        break;
      case "h":
        factor = 3_600_000;
        break;
      default:
        return null;
    }
    if (amount < 0 || amount > Long.MAX_VALUE / factor) {
      return null;
    }
    long millis = amount * factor;
    return millis < minMillis || millis > maxMillis ? null : Duration.ofMillis(millis);
  }

  /**
   * Comma-separated package prefixes, trimmed, empty entries dropped; {@code null} when an entry is
   * not a dotted Java name.
   */
  static List<String> parsePackageList(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (!isPackagePrefix(p)) {
        return null;
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  /** Whether {@code p} is a dotted Java name, optionally ending with a dot. */
  static boolean isPackagePrefix(String p) {
    return PACKAGE_PREFIX.matcher(p).matches();
  }

  private void badValue(ConfigKey key, Raw raw) {
    problems.add(describe(key, raw) + ": expected " + key.expected() + "; " + usingDefault(key));
  }

  private static String describe(ConfigKey key, Raw raw) {
    return key.key() + "=" + quote(raw.value()) + " (" + raw.source() + ")";
  }

  private static String usingDefault(ConfigKey key) {
    return "using the default " + key.defaultText();
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
