package io.querylens.core.config;

import io.querylens.core.internal.QueryLensLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.slf4j.Logger;

/**
 * QueryLens's configuration: read once at start-up, then immutable. Holds a value for every {@link
 * ConfigKey}, read with {@link #get} or the typed accessors below.
 *
 * <p>Each value comes from the first of these that sets it: explicit overrides (agent arguments),
 * Java system properties {@code querylens.*}, environment variables {@code QUERYLENS_*}, the
 * default in {@link ConfigKey}. Reading never throws: an unknown {@code querylens.*} key or a bad
 * value becomes a message in {@link #problems()}, is logged once at WARN on logger {@code
 * io.querylens}, and the key keeps its default (a bad value does not fall through to a lower
 * source). Programmatic users build the same object with {@link #builder()}, whose {@link
 * Builder#set} rejects bad values with {@link IllegalArgumentException}.
 */
public final class QueryLensConfig {
  private static final Logger logger = QueryLensLog.logger();

  /** The value of each key, at its {@link ConfigKey#index()}; each one of its key's type. */
  private final Object[] values;

  private final List<String> problems;

  private QueryLensConfig(Builder builder, List<String> problems) {
    this.values = builder.values.clone();
    this.problems = List.copyOf(problems);
  }

  /** Reads system properties {@code querylens.*} and environment variables {@code QUERYLENS_*}. */
  public static QueryLensConfig fromEnvironment() {
    Properties sysProps;
    Map<String, String> env;
    try {
      sysProps = System.getProperties();
      env = System.getenv();
    } catch (SecurityException e) {
      sysProps = null;
      env = null;
    }
    return from(Map.of(), sysProps, env);
  }

  /**
   * Reads the given sources, highest precedence first. {@code overrides} keys may omit the {@code
   * querylens.} prefix ({@code max-shapes=500}). Any argument may be {@code null}, meaning an empty
   * source; the agent passes its arguments with {@link System#getProperties()} and {@link
   * System#getenv()}. Never throws.
   */
  public static QueryLensConfig from(
      Map<String, String> overrides, Properties sysProps, Map<String, String> env) {
    ConfigReader reader = new ConfigReader();
    Builder builder;
    List<String> problems;
    try {
      builder = reader.read(overrides, sysProps, env);
      problems = reader.problems();
    } catch (RuntimeException e) {
      // a bug in the reader must not stop the application either
      builder = builder();
      problems = List.of("could not read the configuration (" + e + "); using the defaults");
    }
    if (!problems.isEmpty()) {
      logProblems(problems);
    }
    return new QueryLensConfig(builder, problems);
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void logProblems(List<String> problems) {
    try {
      StringBuilder sb = new StringBuilder("QueryLens configuration: ");
      sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
      for (String p : problems) {
        sb.append(System.lineSeparator()).append("  - ").append(p);
      }
      logger.warn(sb.toString());
    } catch (RuntimeException | LinkageError e) {
      // a broken logging setup must not stop the application; problems() still has the messages
    }
  }

  /**
   * The value of {@code key}: the one read or set, else its {@linkplain ConfigKey#defaultValue()
   * default}.
   */
  @SuppressWarnings("unchecked") // values[key.index()] is only ever set from a ConfigKey<T> and T
  public <T> T get(ConfigKey<T> key) {
    return (T) values[key.index()];
  }

  /** {@link ConfigKey#ENABLED}. */
  public boolean enabled() {
    return get(ConfigKey.ENABLED);
  }

  /** {@link ConfigKey#MAX_SHAPES}. */
  public int maxShapes() {
    return get(ConfigKey.MAX_SHAPES);
  }

  /** {@link ConfigKey#SQL_CACHE_MAX_ENTRIES}. */
  public int sqlCacheMaxEntries() {
    return get(ConfigKey.SQL_CACHE_MAX_ENTRIES);
  }

  /** {@link ConfigKey#SQL_CACHE_MAX_SQL_LENGTH}. */
  public int sqlCacheMaxSqlLength() {
    return get(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH);
  }

  /** {@link ConfigKey#REPORT_CONSOLE}. */
  public boolean reportConsole() {
    return get(ConfigKey.REPORT_CONSOLE);
  }

  /** {@link ConfigKey#REPORT_JSON}; {@code null} when unset. */
  public Path reportJson() {
    return get(ConfigKey.REPORT_JSON);
  }

  /** {@link ConfigKey#REPORT_HTML}; {@code null} when unset. */
  public Path reportHtml() {
    return get(ConfigKey.REPORT_HTML);
  }

  /** {@link ConfigKey#REPORT_TOP}. */
  public int reportTop() {
    return get(ConfigKey.REPORT_TOP);
  }

  /** {@link ConfigKey#DIAGNOSIS_ENABLED}. */
  public boolean diagnosisEnabled() {
    return get(ConfigKey.DIAGNOSIS_ENABLED);
  }

  /** {@link ConfigKey#NPLUSONE_THRESHOLD}. */
  public int nPlusOneThreshold() {
    return get(ConfigKey.NPLUSONE_THRESHOLD);
  }

  /** {@link ConfigKey#UNBOUNDED_RESULT_ROWS}. */
  public int unboundedResultRows() {
    return get(ConfigKey.UNBOUNDED_RESULT_ROWS);
  }

  /** {@link ConfigKey#MAX_FINDINGS}. */
  public int maxFindings() {
    return get(ConfigKey.MAX_FINDINGS);
  }

  /** {@link ConfigKey#UNIT_IDLE_GAP}, in whole milliseconds. */
  public Duration unitIdleGap() {
    return get(ConfigKey.UNIT_IDLE_GAP);
  }

  /** {@link ConfigKey#CALLSITE_APP_PACKAGES}, trimmed. Unmodifiable. */
  public List<String> callSiteAppPackages() {
    return get(ConfigKey.CALLSITE_APP_PACKAGES);
  }

  /** {@link ConfigKey#CALLSITE_SKIP_PACKAGES}, trimmed. Unmodifiable. */
  public List<String> callSiteSkipPackages() {
    return get(ConfigKey.CALLSITE_SKIP_PACKAGES);
  }

  /** {@link ConfigKey#LOG_LEVEL}. */
  public LogLevel logLevel() {
    return get(ConfigKey.LOG_LEVEL);
  }

  /** {@link ConfigKey#OTEL_EXPORT}. */
  public Mode otelExport() {
    return get(ConfigKey.OTEL_EXPORT);
  }

  /** {@link ConfigKey#OTEL_SPANS}. */
  public Mode otelSpans() {
    return get(ConfigKey.OTEL_SPANS);
  }

  /** {@link ConfigKey#METRICS_TOP_SHAPES}. */
  public int metricsTopShapes() {
    return get(ConfigKey.METRICS_TOP_SHAPES);
  }

  /** {@link ConfigKey#OTEL_EXIT_TIMEOUT}, in whole milliseconds. */
  public Duration otelExitTimeout() {
    return get(ConfigKey.OTEL_EXIT_TIMEOUT);
  }

  /**
   * Human-readable messages about unknown keys and bad values met while reading, each naming the
   * key and value; empty when all was well and always empty for a built config. Unmodifiable.
   */
  public List<String> problems() {
    return problems;
  }

  /** Equal when every configured value is equal; {@link #problems()} is not compared. */
  @Override
  public boolean equals(Object o) {
    return o instanceof QueryLensConfig && Arrays.equals(values, ((QueryLensConfig) o).values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /**
   * Every key with its value as users write it, e.g. {@code querylens.enabled=true,
   * querylens.max-shapes=2000, ...}.
   */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ");
    for (ConfigKey<?> key : ConfigKey.values()) {
      out.add(key.key() + "=" + text(key));
    }
    return out.toString();
  }

  private <T> String text(ConfigKey<T> key) {
    return key.type().format(get(key));
  }

  /**
   * Builds a {@link QueryLensConfig} in code, starting from the defaults. Not thread-safe.
   *
   * <p>{@code QueryLensConfig.builder().set(ConfigKey.MAX_SHAPES, 500).build()}
   */
  public static final class Builder {
    private final Object[] values = new Object[ConfigKey.values().size()];

    Builder() {
      for (ConfigKey<?> key : ConfigKey.values()) {
        values[key.index()] = key.defaultValue();
      }
    }

    /**
     * Sets {@code key} to {@code value}; the default is {@link ConfigKey#defaultValue()}. Lists are
     * copied with their entries trimmed, durations cut to whole milliseconds.
     *
     * @throws IllegalArgumentException naming the key when the value is out of its range, or null
     *     (allowed only for the report paths {@link ConfigKey#REPORT_JSON} and {@link
     *     ConfigKey#REPORT_HTML}): a wrong value here is a programming error, unlike a wrong system
     *     property. The builder keeps its previous value.
     */
    public <T> Builder set(ConfigKey<T> key, T value) {
      values[key.index()] = key.check(value);
      return this;
    }

    /** A config with the values set so far and no {@link QueryLensConfig#problems()}. */
    public QueryLensConfig build() {
      return new QueryLensConfig(this, List.of());
    }
  }
}
