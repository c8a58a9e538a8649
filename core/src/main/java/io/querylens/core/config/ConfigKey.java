package io.querylens.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A configuration key QueryLens reads, declared once here with its name, type (bounds and choices
 * included), default and a one-line description. Everything else is derived from these
 * declarations: reading and validation, "did you mean" suggestions, the values of {@link
 * QueryLensConfig}, the key table in {@code docs/configuration.md} (a test keeps it in step) and
 * Spring Boot's configuration metadata (written at build time by core's {@code
 * internal.SpringConfigMetadata}).
 *
 * <p>A key {@code querylens.sql-cache.max-entries} is also read from the environment variable
 * {@code QUERYLENS_SQL_CACHE_MAX_ENTRIES}: dots and dashes become underscores, letters upper case.
 *
 * @param <T> the Java type of the key's value
 */
public final class ConfigKey<T> {
  /** Every key in declaration order; filled by {@link #declare}, so it comes first. */
  private static final List<ConfigKey<?>> declared = new ArrayList<>();

  // the declarations: each key once, in the order of the docs table

  public static final ConfigKey<Boolean> ENABLED =
      declare(
          "querylens.enabled",
          new BooleanType(),
          true,
          "Record at all; when false the wrappers pass every call straight through.");
  public static final ConfigKey<Integer> MAX_SHAPES =
      declare(
          "querylens.max-shapes",
          new IntegerType(1, 1_000_000),
          2000,
          "Distinct query shapes kept; executions of further shapes go to one overflow shape.");
  public static final ConfigKey<Integer> SQL_CACHE_MAX_ENTRIES =
      declare(
          "querylens.sql-cache.max-entries",
          new IntegerType(0, 10_000_000),
          10_000,
          "Normalised SQL strings cached; 0 turns the cache off.");
  public static final ConfigKey<Integer> SQL_CACHE_MAX_SQL_LENGTH =
      declare(
          "querylens.sql-cache.max-sql-length",
          new IntegerType(0, Integer.MAX_VALUE),
          16_384,
          "SQL longer than this many characters is normalised but not cached.");
  public static final ConfigKey<Boolean> REPORT_CONSOLE =
      declare(
          "querylens.report.console",
          new BooleanType(),
          true,
          "Print the console summary at JVM exit.");
  public static final ConfigKey<Path> REPORT_JSON =
      declare(
          "querylens.report.json",
          new PathType(),
          null,
          "Write the JSON report to this file at JVM exit; unset or empty writes none.");
  public static final ConfigKey<Path> REPORT_HTML =
      declare(
          "querylens.report.html",
          new PathType(),
          null,
          "Write the HTML report (one self-contained file) to this file at JVM exit; unset or"
              + " empty writes none.");
  public static final ConfigKey<Integer> REPORT_TOP =
      declare(
          "querylens.report.top",
          new IntegerType(1, 10_000),
          20,
          "Query shapes listed in the console summary.");
  public static final ConfigKey<Boolean> DIAGNOSIS_ENABLED =
      declare(
          "querylens.diagnosis.enabled",
          new BooleanType(),
          true,
          "Track units of work, findings and the application/database time split; when false only"
              + " the per-shape statistics run.");
  public static final ConfigKey<Integer> NPLUSONE_THRESHOLD =
      declare(
          "querylens.nplusone.threshold",
          new IntegerType(2, 1_000_000),
          5,
          "Repetitions of one shape inside one unit of work that make a finding (n-plus-one,"
              + " duplicate, chatty-writes).");
  public static final ConfigKey<Integer> UNBOUNDED_RESULT_ROWS =
      declare(
          "querylens.unbounded-result.rows",
          new IntegerType(1, Integer.MAX_VALUE),
          1000,
          "Rows above which a SELECT read to its end without a row limit (LIMIT, FETCH FIRST, TOP,"
              + " ROWNUM) is an unbounded-result finding.");
  public static final ConfigKey<Integer> MAX_FINDINGS =
      declare(
          "querylens.max-findings",
          new IntegerType(1, 100_000),
          500,
          "Distinct findings (kind, shape and call site) kept; further ones are counted and"
              + " dropped.");
  public static final ConfigKey<Duration> UNIT_IDLE_GAP =
      declare(
          "querylens.unit.idle-gap",
          new DurationType(Duration.ZERO, Duration.ofHours(1)),
          Duration.ofMillis(10),
          "Without a scope, span, request or transaction, a thread's executions form one unit of"
              + " work until it runs none for this long.");
  public static final ConfigKey<List<String>> CALLSITE_APP_PACKAGES =
      declare(
          "querylens.callsite.app-packages",
          new PackageListType(),
          List.of(),
          "Comma-separated package prefixes whose frames are always the application's when"
              + " finding a call site.");
  public static final ConfigKey<List<String>> CALLSITE_SKIP_PACKAGES =
      declare(
          "querylens.callsite.skip-packages",
          new PackageListType(),
          List.of(),
          "Comma-separated package prefixes whose frames are never taken as a call site.");
  public static final ConfigKey<LogLevel> LOG_LEVEL =
      declare(
          "querylens.log.level",
          new ChoiceType<>(LogLevel.class),
          LogLevel.INFO,
          "Least severe message the agent's own logger prints to standard error; off prints none.");
  public static final ConfigKey<Mode> OTEL_EXPORT =
      declare(
          "querylens.otel.export",
          new ChoiceType<>(Mode.class),
          Mode.AUTO,
          "OpenTelemetry export (spans, metrics, findings) when the exporter is on the class path:"
              + " on, off, or auto: on when, at the first execution, the JVM has an otel.* system"
              + " property or OTEL_* variable, a global OpenTelemetry or the OpenTelemetry Java"
              + " agent.");
  public static final ConfigKey<Mode> OTEL_SPANS =
      declare(
          "querylens.otel.spans",
          new ChoiceType<>(Mode.class),
          Mode.AUTO,
          "OpenTelemetry client spans per execution: on makes them, off does not, auto makes them"
              + " unless the OpenTelemetry Java agent's JDBC instrumentation does (then QueryLens"
              + " adds its attributes to those spans).");
  public static final ConfigKey<Integer> METRICS_TOP_SHAPES =
      declare(
          "querylens.metrics.top-shapes",
          new IntegerType(0, 1000),
          20,
          "Query shapes with their own series in the querylens.shape.* metrics (the first to reach"
              + " the top by total time keep them); the rest share one series with shape id"
              + " other.");
  public static final ConfigKey<Duration> OTEL_EXIT_TIMEOUT =
      declare(
          "querylens.otel.exit-timeout",
          new DurationType(Duration.ZERO, Duration.ofMinutes(1)),
          Duration.ofSeconds(5),
          "At JVM exit, how long QueryLens waits for its OpenTelemetry SDK to be ready and for the"
              + " spans, metrics and log records still held to be delivered.");

  public static final ConfigKey<Mode> DATABASE_STATS =
      declare(
          "querylens.database.stats",
          new ChoiceType<>(Mode.class),
          Mode.AUTO,
          "Read the database server's own statement statistics (PostgreSQL pg_stat_statements,"
              + " MariaDB/MySQL performance_schema) on a separate connection: auto reads them"
              + " where they are readable and says once why not elsewhere, on also warns, off"
              + " never connects.");
  public static final ConfigKey<Duration> DATABASE_STATS_INTERVAL =
      declare(
          "querylens.database.stats-interval",
          new DurationType(Duration.ofMillis(100), Duration.ofHours(1)),
          Duration.ofSeconds(10),
          "How often the server's statement statistics are read.");
  public static final ConfigKey<Duration> DATABASE_SAMPLE_INTERVAL =
      declare(
          "querylens.database.sample-interval",
          new DurationType(Duration.ZERO, Duration.ofMinutes(1)),
          Duration.ofSeconds(1),
          "How often the statements in flight are sampled for what they wait on (lock, I/O,"
              + " CPU); 0 turns sampling off.");
  public static final ConfigKey<String> DATABASE_STATS_URL =
      declare(
          "querylens.database.stats-url",
          new TextType(true),
          "",
          "JDBC URL of the statistics connection; empty uses the application's own URL and"
              + " credentials, as its driver or DataSource was given them. Never printed.");
  public static final ConfigKey<String> DATABASE_STATS_USER =
      declare(
          "querylens.database.stats-user",
          new TextType(false),
          "",
          "User of the statistics connection; empty uses the application's.");
  public static final ConfigKey<String> DATABASE_STATS_PASSWORD =
      declare(
          "querylens.database.stats-password",
          new TextType(true),
          "",
          "Password of the statistics connection; empty uses the application's. Never printed.");
  public static final ConfigKey<Mode> DATABASE_EXPLAIN =
      declare(
          "querylens.database.explain",
          new ChoiceType<>(Mode.class),
          Mode.AUTO,
          "EXPLAIN the slowest SELECT shapes on the statistics connection, as generic plans"
              + " (no bind values): auto and on do it on PostgreSQL, off never.");
  public static final ConfigKey<Duration> DATABASE_SLOW_QUERY =
      declare(
          "querylens.database.slow-query",
          new DurationType(Duration.ZERO, Duration.ofHours(1)),
          Duration.ofMillis(20),
          "A shape whose client time per execution reaches this is judged for slow-in-database.");
  public static final ConfigKey<Duration> DATABASE_NETWORK_THRESHOLD =
      declare(
          "querylens.database.network-threshold",
          new DurationType(Duration.ZERO, Duration.ofHours(1)),
          Duration.ofMillis(2),
          "Client time per round trip beyond the server's from which a shape may be"
              + " network-bound.");

  private static final List<ConfigKey<?>> values = Collections.unmodifiableList(declared);

  /** Prefix shared by every key. */
  static final String PREFIX = "querylens.";

  /** Prefix shared by every environment variable. */
  static final String ENV_PREFIX = "QUERYLENS_";

  private final int index;
  private final String key;
  private final String envName;
  private final ValueType<T> type;
  private final T defaultValue;
  private final String description;

  private ConfigKey(int index, String key, ValueType<T> type, T defaultValue, String description) {
    this.index = index;
    this.key = key;
    this.envName = key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    this.type = type;
    this.defaultValue = check(defaultValue);
    this.description = description;
  }

  private static <T> ConfigKey<T> declare(
      String key, ValueType<T> type, T defaultValue, String description) {
    ConfigKey<T> k = new ConfigKey<>(declared.size(), key, type, defaultValue, description);
    declared.add(k);
    return k;
  }

  /** Every key, in the order of the docs table. Unmodifiable. */
  public static List<ConfigKey<?>> values() {
    return values;
  }

  /**
   * The key named {@code key} (exact spelling, with the {@code querylens.} prefix), or {@code null}
   * when there is none.
   */
  public static ConfigKey<?> byKey(String key) {
    for (ConfigKey<?> k : values) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** The key read from environment variable {@code envName}, or {@code null} when there is none. */
  static ConfigKey<?> byEnvName(String envName) {
    for (ConfigKey<?> k : values) {
      if (k.envName.equals(envName)) {
        return k;
      }
    }
    return null;
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

  /** One sentence saying what the key does. */
  public String description() {
    return description;
  }

  /**
   * The value when no source sets one; {@code null} only for the report paths {@link #REPORT_JSON}
   * and {@link #REPORT_HTML} (unset).
   */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * The default as users would write it: {@code unset} when there is none, {@code none} for an
   * empty list, a duration as {@code 10ms}, a choice in lower case.
   */
  public String defaultText() {
    return type.format(defaultValue);
  }

  /** The kind of value, as the docs table shows it: {@code boolean}, {@code integer 1..10000}. */
  public String typeText() {
    return type.typeText();
  }

  /**
   * The value {@code text} stands for, read as from a system property: blanks around it ignored,
   * booleans and choices in any case.
   *
   * @throws IllegalArgumentException naming this key, the text and what was expected
   */
  public T parse(String text) {
    try {
      return type.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + "=" + ConfigReader.quote(text) + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code value} normalised for storing.
   *
   * @throws IllegalArgumentException naming this key, the value and what was expected
   */
  T check(T value) {
    try {
      return type.check(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be " + type.expected() + ", got " + value, e);
    }
  }

  /** Position among {@link #values()}. */
  int index() {
    return index;
  }

  ValueType<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return key;
  }
}
