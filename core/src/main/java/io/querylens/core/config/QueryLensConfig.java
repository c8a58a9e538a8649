package io.querylens.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QueryLens's configuration: read once at start-up, then immutable.
 *
 * <p>Each value comes from the first of these that sets it: explicit overrides (agent arguments),
 * Java system properties {@code querylens.*}, environment variables {@code QUERYLENS_*}, the
 * default in {@link ConfigKey}. Reading never throws: an unknown {@code querylens.*} key or a bad
 * value becomes a message in {@link #problems()}, is logged once at WARN on logger {@code
 * io.querylens}, and the key keeps its default (a bad value does not fall through to a lower
 * source). Programmatic users build the same object with {@link #builder()}, whose setters reject
 * bad values with {@link IllegalArgumentException}.
 */
public final class QueryLensConfig {
  private static final Logger logger = LoggerFactory.getLogger("io.querylens");

  private final boolean enabled;
  private final int maxShapes;
  private final int sqlCacheMaxEntries;
  private final int sqlCacheMaxSqlLength;
  private final boolean reportConsole;
  private final Path reportJson;
  private final int reportTop;
  private final boolean diagnosisEnabled;
  private final int nPlusOneThreshold;
  private final int maxFindings;
  private final Duration unitIdleGap;
  private final List<String> callSiteAppPackages;
  private final List<String> callSiteSkipPackages;
  private final String logLevel;
  private final String otelExport;
  private final String otelSpans;
  private final int metricsTopShapes;
  private final Duration otelExitTimeout;
  private final List<String> problems;

  private QueryLensConfig(Builder b, List<String> problems) {
    this.enabled = b.enabled;
    this.maxShapes = b.maxShapes;
    this.sqlCacheMaxEntries = b.sqlCacheMaxEntries;
    this.sqlCacheMaxSqlLength = b.sqlCacheMaxSqlLength;
    this.reportConsole = b.reportConsole;
    this.reportJson = b.reportJson;
    this.reportTop = b.reportTop;
    this.diagnosisEnabled = b.diagnosisEnabled;
    this.nPlusOneThreshold = b.nPlusOneThreshold;
    this.maxFindings = b.maxFindings;
    this.unitIdleGap = b.unitIdleGap;
    this.callSiteAppPackages = b.callSiteAppPackages;
    this.callSiteSkipPackages = b.callSiteSkipPackages;
    this.logLevel = b.logLevel;
    this.otelExport = b.otelExport;
    this.otelSpans = b.otelSpans;
    this.metricsTopShapes = b.metricsTopShapes;
    this.otelExitTimeout = b.otelExitTimeout;
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
      builder = new Builder();
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

  /** {@code querylens.enabled}: record at all; when false the wrappers pass straight through. */
  public boolean enabled() {
    return enabled;
  }

  /** {@code querylens.max-shapes}: distinct query shapes kept before the overflow shape. */
  public int maxShapes() {
    return maxShapes;
  }

  /** {@code querylens.sql-cache.max-entries}: normalised SQL strings cached; 0 for none. */
  public int sqlCacheMaxEntries() {
    return sqlCacheMaxEntries;
  }

  /** {@code querylens.sql-cache.max-sql-length}: longer SQL (in chars) is not cached. */
  public int sqlCacheMaxSqlLength() {
    return sqlCacheMaxSqlLength;
  }

  /** {@code querylens.report.console}: print the console summary at JVM exit. */
  public boolean reportConsole() {
    return reportConsole;
  }

  /** {@code querylens.report.json}: file for the JSON report at JVM exit, or {@code null}. */
  public Path reportJson() {
    return reportJson;
  }

  /** {@code querylens.report.top}: shapes listed in the console summary. */
  public int reportTop() {
    return reportTop;
  }

  /**
   * {@code querylens.diagnosis.enabled}: track units of work, findings and the time split; when
   * false only the per-shape statistics run.
   */
  public boolean diagnosisEnabled() {
    return diagnosisEnabled;
  }

  /**
   * {@code querylens.nplusone.threshold}: repetitions of one shape in one unit of work that make a
   * finding.
   */
  public int nPlusOneThreshold() {
    return nPlusOneThreshold;
  }

  /** {@code querylens.max-findings}: distinct findings kept (kind, shape and call site). */
  public int maxFindings() {
    return maxFindings;
  }

  /**
   * {@code querylens.unit.idle-gap}: a thread's executions outside any other unit of work form one
   * unit until it runs none for this long.
   */
  public Duration unitIdleGap() {
    return unitIdleGap;
  }

  /**
   * {@code querylens.callsite.app-packages}: package prefixes whose frames always count as the
   * application's when finding a call site. Unmodifiable.
   */
  public List<String> callSiteAppPackages() {
    return callSiteAppPackages;
  }

  /**
   * {@code querylens.callsite.skip-packages}: package prefixes whose frames are never a call site.
   * Unmodifiable.
   */
  public List<String> callSiteSkipPackages() {
    return callSiteSkipPackages;
  }

  /**
   * {@code querylens.log.level}: the least severe message the agent's own logger prints ({@code
   * off}, {@code error}, {@code warn}, {@code info} or {@code debug}, lower case).
   */
  public String logLevel() {
    return logLevel;
  }

  /**
   * {@code querylens.otel.export}: whether the OpenTelemetry exporter, when on the class path,
   * exports ({@code on}), does not ({@code off}), or does when the JVM is set up for OpenTelemetry
   * ({@code auto}); lower case.
   */
  public String otelExport() {
    return otelExport;
  }

  /**
   * {@code querylens.otel.spans}: whether the OpenTelemetry exporter makes a client span per
   * execution ({@code on}), makes none ({@code off}), or makes them unless the OpenTelemetry Java
   * agent's JDBC instrumentation does ({@code auto}); lower case.
   */
  public String otelSpans() {
    return otelSpans;
  }

  /**
   * {@code querylens.metrics.top-shapes}: query shapes with series of their own in the {@code
   * querylens.shape.*} metrics; the rest share one.
   */
  public int metricsTopShapes() {
    return metricsTopShapes;
  }

  /** {@code querylens.otel.exit-timeout}: the longest the exporter holds the JVM's exit. */
  public Duration otelExitTimeout() {
    return otelExitTimeout;
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
    if (!(o instanceof QueryLensConfig)) {
      return false;
    }
    QueryLensConfig c = (QueryLensConfig) o;
    return enabled == c.enabled
        && maxShapes == c.maxShapes
        && sqlCacheMaxEntries == c.sqlCacheMaxEntries
        && sqlCacheMaxSqlLength == c.sqlCacheMaxSqlLength
        && reportConsole == c.reportConsole
        && Objects.equals(reportJson, c.reportJson)
        && reportTop == c.reportTop
        && diagnosisEnabled == c.diagnosisEnabled
        && nPlusOneThreshold == c.nPlusOneThreshold
        && maxFindings == c.maxFindings
        && unitIdleGap.equals(c.unitIdleGap)
        && callSiteAppPackages.equals(c.callSiteAppPackages)
        && callSiteSkipPackages.equals(c.callSiteSkipPackages)
        && logLevel.equals(c.logLevel)
        && otelExport.equals(c.otelExport)
        && otelSpans.equals(c.otelSpans)
        && metricsTopShapes == c.metricsTopShapes
        && otelExitTimeout.equals(c.otelExitTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled,
        maxShapes,
        sqlCacheMaxEntries,
        sqlCacheMaxSqlLength,
        reportConsole,
        reportJson,
        reportTop,
        diagnosisEnabled,
        nPlusOneThreshold,
        maxFindings,
        unitIdleGap,
        callSiteAppPackages,
        callSiteSkipPackages,
        logLevel,
        otelExport,
        otelSpans,
        metricsTopShapes,
        otelExitTimeout);
  }

  /**
   * Every key with its value, e.g. {@code querylens.enabled=true, querylens.max-shapes=2000, ...}.
   */
  @Override
  public String toString() {
    return ConfigKey.ENABLED.key()
        + "="
        + enabled
        + ", "
        + ConfigKey.MAX_SHAPES.key()
        + "="
        + maxShapes
        + ", "
        + ConfigKey.SQL_CACHE_MAX_ENTRIES.key()
        + "="
        + sqlCacheMaxEntries
        + ", "
        + ConfigKey.SQL_CACHE_MAX_SQL_LENGTH.key()
        + "="
        + sqlCacheMaxSqlLength
        + ", "
        + ConfigKey.REPORT_CONSOLE.key()
        + "="
        + reportConsole
        + ", "
        + ConfigKey.REPORT_JSON.key()
        + "="
        + (reportJson == null ? "unset" : reportJson)
        + ", "
        + ConfigKey.REPORT_TOP.key()
        + "="
        + reportTop
        + ", "
        + ConfigKey.DIAGNOSIS_ENABLED.key()
        + "="
        + diagnosisEnabled
        + ", "
        + ConfigKey.NPLUSONE_THRESHOLD.key()
        + "="
        + nPlusOneThreshold
        + ", "
        + ConfigKey.MAX_FINDINGS.key()
        + "="
        + maxFindings
        + ", "
        + ConfigKey.UNIT_IDLE_GAP.key()
        + "="
        + ConfigKey.durationText(unitIdleGap)
        + ", "
        + ConfigKey.CALLSITE_APP_PACKAGES.key()
        + "="
        + listText(callSiteAppPackages)
        + ", "
        + ConfigKey.CALLSITE_SKIP_PACKAGES.key()
        + "="
        + listText(callSiteSkipPackages)
        + ", "
        + ConfigKey.LOG_LEVEL.key()
        + "="
        + logLevel
        + ", "
        + ConfigKey.OTEL_EXPORT.key()
        + "="
        + otelExport
        + ", "
        + ConfigKey.OTEL_SPANS.key()
        + "="
        + otelSpans
        + ", "
        + ConfigKey.METRICS_TOP_SHAPES.key()
        + "="
        + metricsTopShapes
        + ", "
        + ConfigKey.OTEL_EXIT_TIMEOUT.key()
        + "="
        + ConfigKey.durationText(otelExitTimeout);
  }

  private static String listText(List<String> list) {
    return list.isEmpty() ? "none" : String.join(",", list);
  }

  /**
   * Builds a {@link QueryLensConfig} in code. Every setter returns this builder and throws {@link
   * IllegalArgumentException} naming the key when the value is out of range: a wrong value here is
   * a programming error, unlike a wrong system property. Not thread-safe.
   */
  public static final class Builder {
    private boolean enabled = (Boolean) ConfigKey.ENABLED.defaultValue();
    private int maxShapes = (Integer) ConfigKey.MAX_SHAPES.defaultValue();
    private int sqlCacheMaxEntries = (Integer) ConfigKey.SQL_CACHE_MAX_ENTRIES.defaultValue();
    private int sqlCacheMaxSqlLength = (Integer) ConfigKey.SQL_CACHE_MAX_SQL_LENGTH.defaultValue();
    private boolean reportConsole = (Boolean) ConfigKey.REPORT_CONSOLE.defaultValue();
    private Path reportJson = (Path) ConfigKey.REPORT_JSON.defaultValue();
    private int reportTop = (Integer) ConfigKey.REPORT_TOP.defaultValue();
    private boolean diagnosisEnabled = (Boolean) ConfigKey.DIAGNOSIS_ENABLED.defaultValue();
    private int nPlusOneThreshold = (Integer) ConfigKey.NPLUSONE_THRESHOLD.defaultValue();
    private int maxFindings = (Integer) ConfigKey.MAX_FINDINGS.defaultValue();
    private Duration unitIdleGap = (Duration) ConfigKey.UNIT_IDLE_GAP.defaultValue();
    private List<String> callSiteAppPackages = List.of();
    private List<String> callSiteSkipPackages = List.of();
    private String logLevel = (String) ConfigKey.LOG_LEVEL.defaultValue();
    private String otelExport = (String) ConfigKey.OTEL_EXPORT.defaultValue();
    private String otelSpans = (String) ConfigKey.OTEL_SPANS.defaultValue();
    private int metricsTopShapes = (Integer) ConfigKey.METRICS_TOP_SHAPES.defaultValue();
    private Duration otelExitTimeout = (Duration) ConfigKey.OTEL_EXIT_TIMEOUT.defaultValue();

    Builder() {}

    /** Record at all; when false the wrappers pass straight through. Default {@code true}. */
    public Builder setEnabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Distinct query shapes kept; executions of further shapes go to one overflow shape. 1 to
     * 1,000,000; default {@code 2000}.
     */
    public Builder setMaxShapes(int maxShapes) {
      this.maxShapes = checkRange(ConfigKey.MAX_SHAPES, maxShapes);
      return this;
    }

    /** Normalised SQL strings cached, 0 for no cache. 0 to 10,000,000; default {@code 10000}. */
    public Builder setSqlCacheMaxEntries(int sqlCacheMaxEntries) {
      this.sqlCacheMaxEntries = checkRange(ConfigKey.SQL_CACHE_MAX_ENTRIES, sqlCacheMaxEntries);
      return this;
    }

    /**
     * SQL longer than this many characters is normalised but not cached. 0 or more; default {@code
     * 16384}.
     */
    public Builder setSqlCacheMaxSqlLength(int sqlCacheMaxSqlLength) {
      this.sqlCacheMaxSqlLength =
          checkRange(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH, sqlCacheMaxSqlLength);
      return this;
    }

    /** Print the console summary at JVM exit. Default {@code true}. */
    public Builder setReportConsole(boolean reportConsole) {
      this.reportConsole = reportConsole;
      return this;
    }

    /** Write the JSON report to this file at JVM exit; {@code null} for none. Default unset. */
    public Builder setReportJson(Path reportJson) {
      this.reportJson = reportJson;
      return this;
    }

    /** Query shapes listed in the console summary. 1 to 10,000; default {@code 20}. */
    public Builder setReportTop(int reportTop) {
      this.reportTop = checkRange(ConfigKey.REPORT_TOP, reportTop);
      return this;
    }

    /**
     * Track units of work, findings and the application/database time split; when false only the
     * per-shape statistics run. Default {@code true}.
     */
    public Builder setDiagnosisEnabled(boolean diagnosisEnabled) {
      this.diagnosisEnabled = diagnosisEnabled;
      return this;
    }

    /**
     * Repetitions of one shape inside one unit of work that make a finding. 2 to 1,000,000; default
     * {@code 5}.
     */
    public Builder setNPlusOneThreshold(int nPlusOneThreshold) {
      this.nPlusOneThreshold = checkRange(ConfigKey.NPLUSONE_THRESHOLD, nPlusOneThreshold);
      return this;
    }

    /** Distinct findings kept. 1 to 100,000; default {@code 500}. */
    public Builder setMaxFindings(int maxFindings) {
      this.maxFindings = checkRange(ConfigKey.MAX_FINDINGS, maxFindings);
      return this;
    }

    /**
     * Without a scope, span, request or transaction, a thread's executions form one unit of work
     * until it runs none for this long. Whole milliseconds from 0 to 1 hour; default {@code 10ms}.
     */
    public Builder setUnitIdleGap(Duration unitIdleGap) {
      this.unitIdleGap = checkRange(ConfigKey.UNIT_IDLE_GAP, unitIdleGap);
      return this;
    }

    /**
     * At JVM exit, how long the OpenTelemetry exporter waits for its SDK to be ready and for what
     * it holds to be delivered. Whole milliseconds from 0 to 1 minute; default {@code 5s}.
     */
    public Builder setOtelExitTimeout(Duration otelExitTimeout) {
      this.otelExitTimeout = checkRange(ConfigKey.OTEL_EXIT_TIMEOUT, otelExitTimeout);
      return this;
    }

    private static Duration checkRange(ConfigKey key, Duration value) {
      if (value == null
          || value.isNegative()
          || value.compareTo(Duration.ofMillis(key.max())) > 0
          || value.compareTo(Duration.ofMillis(key.min())) < 0) {
        throw new IllegalArgumentException(
            key.key() + " must be " + key.expected() + ", got " + value);
      }
      return Duration.ofMillis(value.toMillis());
    }

    /**
     * Package prefixes whose frames always count as the application's when finding a call site.
     * Default none.
     */
    public Builder setCallSiteAppPackages(List<String> packages) {
      this.callSiteAppPackages = checkPackages(ConfigKey.CALLSITE_APP_PACKAGES, packages);
      return this;
    }

    /** Package prefixes whose frames are never a call site. Default none. */
    public Builder setCallSiteSkipPackages(List<String> packages) {
      this.callSiteSkipPackages = checkPackages(ConfigKey.CALLSITE_SKIP_PACKAGES, packages);
      return this;
    }

    /**
     * The least severe message the agent's own logger prints: {@code off}, {@code error}, {@code
     * warn}, {@code info} or {@code debug}, in any case. Default {@code info}.
     */
    public Builder setLogLevel(String logLevel) {
      this.logLevel = choice(ConfigKey.LOG_LEVEL, logLevel);
      return this;
    }

    /**
     * {@code querylens.otel.export}: {@code auto}, {@code on} or {@code off}, in any case; default
     * {@code auto}.
     */
    public Builder setOtelExport(String otelExport) {
      this.otelExport = choice(ConfigKey.OTEL_EXPORT, otelExport);
      return this;
    }

    /**
     * {@code querylens.otel.spans}: {@code auto}, {@code on} or {@code off}, in any case; default
     * {@code auto}.
     */
    public Builder setOtelSpans(String otelSpans) {
      this.otelSpans = choice(ConfigKey.OTEL_SPANS, otelSpans);
      return this;
    }

    private static String choice(ConfigKey key, String value) {
      String v = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
      if (v == null || !key.choices().contains(v)) {
        throw new IllegalArgumentException(
            key.key() + " must be " + key.expected() + ", got " + value);
      }
      return v;
    }

    /**
     * Query shapes with series of their own in the {@code querylens.shape.*} metrics. 0 to 1000;
     * default {@code 20}.
     */
    public Builder setMetricsTopShapes(int metricsTopShapes) {
      this.metricsTopShapes = checkRange(ConfigKey.METRICS_TOP_SHAPES, metricsTopShapes);
      return this;
    }

    /** A config with the values set so far and no {@link QueryLensConfig#problems()}. */
    public QueryLensConfig build() {
      return new QueryLensConfig(this, List.of());
    }

    private static List<String> checkPackages(ConfigKey key, List<String> packages) {
      if (packages == null) {
        throw new IllegalArgumentException(key.key() + " must be a list, got null");
      }
      List<String> out = new ArrayList<>(packages.size());
      for (String p : packages) {
        if (p == null || !ConfigReader.isPackagePrefix(p.trim())) {
          throw new IllegalArgumentException(
              key.key() + " must be " + key.expected() + ", got " + packages);
        }
        out.add(p.trim());
      }
      return List.copyOf(out);
    }

    private static int checkRange(ConfigKey key, int value) {
      if (value < key.min() || value > key.max()) {
        throw new IllegalArgumentException(
            key.key() + " must be " + key.expected() + ", got " + value);
      }
      return value;
    }
  }
}
