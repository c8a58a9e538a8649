package io.querylens.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every configuration key QueryLens reads: its name, type, default and a one-line description. This
 * registry is the single source for validation, for "did you mean" suggestions and for the key
 * table in docs/configuration.md (a test keeps the two in step).
 *
 * <p>A key {@code querylens.sql-cache.max-entries} is also read from the environment variable
 * {@code QUERYLENS_SQL_CACHE_MAX_ENTRIES}: dots and dashes become underscores, letters upper case.
 */
public enum ConfigKey {
  ENABLED(
      "querylens.enabled",
      Type.BOOLEAN,
      true,
      0,
      0,
      "Record at all; when false the wrappers pass every call straight through."),
  MAX_SHAPES(
      "querylens.max-shapes",
      Type.INT,
      2000,
      1,
      1_000_000,
      "Distinct query shapes kept; executions of further shapes go to one overflow shape."),
  SQL_CACHE_MAX_ENTRIES(
      "querylens.sql-cache.max-entries",
      Type.INT,
      10_000,
      0,
      10_000_000,
      "Normalised SQL strings cached; 0 turns the cache off."),
  SQL_CACHE_MAX_SQL_LENGTH(
      "querylens.sql-cache.max-sql-length",
      Type.INT,
      16_384,
      0,
      Integer.MAX_VALUE,
      "SQL longer than this many characters is normalised but not cached."),
  REPORT_CONSOLE(
      "querylens.report.console",
      Type.BOOLEAN,
      true,
      0,
      0,
      "Print the console summary at JVM exit."),
  REPORT_JSON(
      "querylens.report.json",
      Type.PATH,
      null,
      0,
      0,
      "Write the JSON report to this file at JVM exit; unset or empty writes none."),
  REPORT_TOP(
      "querylens.report.top",
      Type.INT,
      20,
      1,
      10_000,
      "Query shapes listed in the console summary."),
  DIAGNOSIS_ENABLED(
      "querylens.diagnosis.enabled",
      Type.BOOLEAN,
      true,
      0,
      0,
      "Track units of work, findings and the application/database time split; when false only"
          + " the per-shape statistics run."),
  NPLUSONE_THRESHOLD(
      "querylens.nplusone.threshold",
      Type.INT,
      5,
      2,
      1_000_000,
      "Repetitions of one shape inside one unit of work that make a finding (n-plus-one,"
          + " duplicate, chatty-writes)."),
  MAX_FINDINGS(
      "querylens.max-findings",
      Type.INT,
      500,
      1,
      100_000,
      "Distinct findings (kind, shape and call site) kept; further ones are counted and"
          + " dropped."),
  UNIT_IDLE_GAP(
      "querylens.unit.idle-gap",
      Type.DURATION,
      Duration.ofMillis(10),
      0,
      3_600_000,
      "Without a scope, span, request or transaction, a thread's executions form one unit of"
          + " work until it runs none for this long."),
  CALLSITE_APP_PACKAGES(
      "querylens.callsite.app-packages",
      Type.LIST,
      List.of(),
      0,
      0,
      "Comma-separated package prefixes whose frames are always the application's when finding"
          + " a call site."),
  CALLSITE_SKIP_PACKAGES(
      "querylens.callsite.skip-packages",
      Type.LIST,
      List.of(),
      0,
      0,
      "Comma-separated package prefixes whose frames are never taken as a call site."),
  LOG_LEVEL(
      "querylens.log.level",
      Type.CHOICE,
      "info",
      0,
      0,
      "Least severe message the agent's own logger prints to standard error; off prints none."),
  OTEL_EXPORT(
      "querylens.otel.export",
      Type.CHOICE,
      "auto",
      0,
      0,
      "OpenTelemetry export (spans, metrics, findings) when the exporter is on the class path: on,"
          + " off, or auto: on when, at the first execution, the JVM has an otel.* system property"
          + " or OTEL_* variable, a global OpenTelemetry or the OpenTelemetry Java agent."),
  OTEL_SPANS(
      "querylens.otel.spans",
      Type.CHOICE,
      "auto",
      0,
      0,
      "OpenTelemetry client spans per execution: on makes them, off does not, auto makes them"
          + " unless the OpenTelemetry Java agent's JDBC instrumentation does (then QueryLens adds"
          + " its attributes to those spans)."),
  OTEL_EXIT_TIMEOUT(
      "querylens.otel.exit-timeout",
      Type.DURATION,
      Duration.ofSeconds(5),
      0,
      60_000,
      "At JVM exit, how long QueryLens waits for its OpenTelemetry SDK to be ready and for the"
          + " spans, metrics and log records still held to be delivered."),
  METRICS_TOP_SHAPES(
      "querylens.metrics.top-shapes",
      Type.INT,
      20,
      0,
      1000,
      "Query shapes with their own series in the querylens.shape.* metrics (the first to reach the"
          + " top by total time keep them); the rest share one series with shape id other.");

  /** The values {@link #LOG_LEVEL} takes, least verbose first. */
  static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug");

  /** The values {@link #OTEL_EXPORT} and {@link #OTEL_SPANS} take. */
  static final List<String> AUTO_ON_OFF = List.of("auto", "on", "off");

  /** The kind of value a key takes. */
  public enum Type {
    /** {@code true/false}, {@code yes/no}, {@code on/off} or {@code 1/0}, in any case. */
    BOOLEAN,
    /**
     * A decimal integer within {@link ConfigKey#min()}..{@link ConfigKey#max()}; {@code _} may
     * group digits.
     */
    INT,
    /** A file system path; empty means unset. */
    PATH,
    /**
     * A length of time: a decimal integer with a unit {@code ms}, {@code s}, {@code m} or {@code h}
     * ({@code 250ms}, {@code 2s}), or a plain integer meaning milliseconds, within {@link
     * ConfigKey#min()}..{@link ConfigKey#max()} milliseconds.
     */
    DURATION,
    /**
     * Comma-separated Java package prefixes ({@code com.example, org.acme.billing}); blanks around
     * entries are ignored and an empty value means none.
     */
    LIST,
    /** One of the key's {@link ConfigKey#choices()}, in any case. */
    CHOICE
  }

  /** Prefix shared by every key. */
  static final String PREFIX = "querylens.";

  /** Prefix shared by every environment variable. */
  static final String ENV_PREFIX = "QUERYLENS_";

  private final String key;
  private final String envName;
  private final Type type;
  private final Object defaultValue;
  private final int min;
  private final int max;
  private final String description;

  ConfigKey(String key, Type type, Object defaultValue, int min, int max, String description) {
    this.key = key;
    this.envName = toEnvName(key);
    this.type = type;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.description = description;
  }

  /**
   * The key as written in system properties and agent arguments, e.g. {@code querylens.max-shapes}.
   */
  public String key() {
    return key;
  }

  /** The environment variable read for this key, e.g. {@code QUERYLENS_MAX_SHAPES}. */
  public String envName() {
    return envName;
  }

  /** The kind of value this key takes. */
  public Type type() {
    return type;
  }

  /**
   * The default as a {@link Boolean}, an {@link Integer}, a {@link Duration}, an unmodifiable
   * {@code List<String>}, a lower-case level {@code String}, or {@code null} for a {@link
   * Type#PATH} key that is unset by default.
   */
  public Object defaultValue() {
    return defaultValue;
  }

  /**
   * The default as users would write it: {@code "unset"} when there is none, {@code "none"} for an
   * empty list, a duration as {@code 10ms}.
   */
  public String defaultText() {
    if (defaultValue == null) {
      return "unset";
    }
    if (defaultValue instanceof Duration) {
      return durationText((Duration) defaultValue);
    }
    if (defaultValue instanceof List) {
      List<?> list = (List<?>) defaultValue;
      if (list.isEmpty()) {
        return "none";
      }
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        sb.append(sb.length() == 0 ? "" : ",").append(o);
      }
      return sb.toString();
    }
    return String.valueOf(defaultValue);
  }

  /**
   * Smallest accepted value of an {@link Type#INT} key, in milliseconds for a {@link Type#DURATION}
   * key; 0 for other types.
   */
  public int min() {
    return min;
  }

  /**
   * Largest accepted value of an {@link Type#INT} key, in milliseconds for a {@link Type#DURATION}
   * key; 0 for other types.
   */
  public int max() {
    return max;
  }

  /** The lower-case values a {@link Type#CHOICE} key takes; empty for other types. */
  public List<String> choices() {
    switch (this) {
      case LOG_LEVEL:
        return LEVELS;
      case OTEL_EXPORT:
      case OTEL_SPANS:
        return AUTO_ON_OFF;
      default:
        return List.of();
    }
  }

  /** One sentence saying what the key does. */
  public String description() {
    return description;
  }

  /**
   * The key named {@code key} (exact spelling, with the {@code querylens.} prefix), or {@code null}
   * when there is none.
   */
  public static ConfigKey byKey(String key) {
    for (ConfigKey k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** The key read from environment variable {@code envName}, or {@code null} when there is none. */
  static ConfigKey byEnvName(String envName) {
    for (ConfigKey k : values()) {
      if (k.envName.equals(envName)) {
        return k;
      }
    }
    return null;
  }

  /** What a valid value looks like, for messages: "an integer from 1 to 1000000". */
  String expected() {
    switch (type) {
      case BOOLEAN:
        return "a boolean (true/false, yes/no, on/off or 1/0)";
      case INT:
        return max == Integer.MAX_VALUE
            ? "an integer of " + min + " or more"
            : "an integer from " + min + " to " + max;
      case PATH:
        return "a file path";
      case DURATION:
        return "a duration such as 250ms, 2s or 1m (a plain number is milliseconds) from "
            + durationText(Duration.ofMillis(min))
            + " to "
            + durationText(Duration.ofMillis(max));
      case LIST:
        return "a comma-separated list of package prefixes such as com.example,org.acme.billing";
      case CHOICE:
        return "one of " + String.join(", ", choices());
      default:
        throw new AssertionError(type);
    }
  }

  /** The type as the docs table shows it: "boolean", "integer 1..10000", "path". */
  String typeText() {
    switch (type) {
      case BOOLEAN:
        return "boolean";
      case INT:
        return max == Integer.MAX_VALUE ? "integer >= " + min : "integer " + min + ".." + max;
      case PATH:
        return "path";
      case DURATION:
        return "duration "
            + durationText(Duration.ofMillis(min))
            + ".."
            + durationText(Duration.ofMillis(max));
      case LIST:
        return "list of package prefixes";
      case CHOICE:
        return String.join("/", choices());
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * A duration in the largest unit that writes it as a whole number: {@code 10ms}, {@code 2s},
   * {@code 1m}, {@code 1h}; {@code 0ms} for zero.
   */
  static String durationText(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms != 0 && ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  static String toEnvName(String key) {
    return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
