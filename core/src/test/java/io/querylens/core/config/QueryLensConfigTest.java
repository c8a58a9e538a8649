package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryLensConfigTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  private static Map<String, String> map(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static QueryLensConfig sysProp(String key, String value) {
    return QueryLensConfig.from(Map.of(), props(key, value), Map.of());
  }

  @Test
  void emptySourcesGiveTheDefaults() {
    QueryLensConfig c = QueryLensConfig.from(Map.of(), new Properties(), Map.of());
    assertThat(c.enabled()).isTrue();
    assertThat(c.maxShapes()).isEqualTo(2000);
    assertThat(c.sqlCacheMaxEntries()).isEqualTo(10_000);
    assertThat(c.sqlCacheMaxSqlLength()).isEqualTo(16_384);
    assertThat(c.reportConsole()).isTrue();
    assertThat(c.reportJson()).isNull();
    assertThat(c.reportHtml()).isNull();
    assertThat(c.reportTop()).isEqualTo(20);
    assertThat(c.diagnosisEnabled()).isTrue();
    assertThat(c.nPlusOneThreshold()).isEqualTo(5);
    assertThat(c.maxFindings()).isEqualTo(500);
    assertThat(c.unitIdleGap()).isEqualTo(Duration.ofMillis(10));
    assertThat(c.callSiteAppPackages()).isEmpty();
    assertThat(c.callSiteSkipPackages()).isEmpty();
    assertThat(c.problems()).isEmpty();
    assertThat(c).isEqualTo(QueryLensConfig.builder().build());
  }

  @Test
  void nullSourcesAreReadAsEmpty() {
    QueryLensConfig c = QueryLensConfig.from(null, null, null);
    assertThat(c).isEqualTo(QueryLensConfig.builder().build());
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void overridesBeatSystemPropertiesWhichBeatEnvironmentWhichBeatsDefaults() {
    QueryLensConfig c =
        QueryLensConfig.from(
            map("querylens.max-shapes", "1"),
            props("querylens.max-shapes", "2", "querylens.report.top", "3"),
            map(
                "QUERYLENS_MAX_SHAPES", "4",
                "QUERYLENS_REPORT_TOP", "5",
                "QUERYLENS_SQL_CACHE_MAX_ENTRIES", "6"));
    assertThat(c.maxShapes()).isEqualTo(1);
    assertThat(c.reportTop()).isEqualTo(3);
    assertThat(c.sqlCacheMaxEntries()).isEqualTo(6);
    assertThat(c.sqlCacheMaxSqlLength()).isEqualTo(16_384);
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void overrideKeysMayOmitThePrefix() {
    QueryLensConfig c =
        QueryLensConfig.from(
            map("max-shapes", "7", "report.json", "out/q.json", " enabled ", "off"), null, null);
    assertThat(c.maxShapes()).isEqualTo(7);
    assertThat(c.reportJson()).isEqualTo(Path.of("out/q.json"));
    assertThat(c.enabled()).isFalse();
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void overrideGivenWithAndWithoutPrefixUsesTheFullSpellingAndSaysSo() {
    QueryLensConfig c =
        QueryLensConfig.from(map("max-shapes", "7", "querylens.max-shapes", "8"), null, null);
    assertThat(c.maxShapes()).isEqualTo(8);
    assertThat(c.problems())
        .containsExactly(
            "querylens.max-shapes given twice in the overrides (as max-shapes and"
                + " querylens.max-shapes); using the value of querylens.max-shapes");
  }

  @Test
  void everyKeyIsReadFromItsEnvironmentVariable() {
    QueryLensConfig c =
        QueryLensConfig.from(
            null,
            null,
            map(
                "QUERYLENS_ENABLED", "false",
                "QUERYLENS_MAX_SHAPES", "11",
                "QUERYLENS_SQL_CACHE_MAX_ENTRIES", "12",
                "QUERYLENS_SQL_CACHE_MAX_SQL_LENGTH", "13",
                "QUERYLENS_REPORT_CONSOLE", "no",
                "QUERYLENS_REPORT_JSON", "/tmp/r.json",
                "QUERYLENS_REPORT_TOP", "14",
                "QUERYLENS_DIAGNOSIS_ENABLED", "off",
                "QUERYLENS_NPLUSONE_THRESHOLD", "15",
                "QUERYLENS_MAX_FINDINGS", "16",
                "QUERYLENS_UNIT_IDLE_GAP", "17ms",
                "QUERYLENS_CALLSITE_APP_PACKAGES", "com.example",
                "QUERYLENS_CALLSITE_SKIP_PACKAGES", "org.acme.",
                "PATH", "/usr/bin",
                "querylens_max_shapes", "99"));
    assertThat(c)
        .isEqualTo(
            QueryLensConfig.builder()
                .set(ConfigKey.ENABLED, false)
                .set(ConfigKey.MAX_SHAPES, 11)
                .set(ConfigKey.SQL_CACHE_MAX_ENTRIES, 12)
                .set(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH, 13)
                .set(ConfigKey.REPORT_CONSOLE, false)
                .set(ConfigKey.REPORT_JSON, Path.of("/tmp/r.json"))
                .set(ConfigKey.REPORT_TOP, 14)
                .set(ConfigKey.DIAGNOSIS_ENABLED, false)
                .set(ConfigKey.NPLUSONE_THRESHOLD, 15)
                .set(ConfigKey.MAX_FINDINGS, 16)
                .set(ConfigKey.UNIT_IDLE_GAP, Duration.ofMillis(17))
                .set(ConfigKey.CALLSITE_APP_PACKAGES, List.of("com.example"))
                .set(ConfigKey.CALLSITE_SKIP_PACKAGES, List.of("org.acme."))
                .build());
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void systemPropertiesOutsideTheQuerylensPrefixAreIgnored() {
    QueryLensConfig c =
        QueryLensConfig.from(null, props("java.version", "17", "querylensx", "1"), null);
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void unknownSystemPropertyNamesTheNearestKey() {
    QueryLensConfig c = sysProp("querylens.max-shape", "500");
    assertThat(c.maxShapes()).isEqualTo(2000);
    assertThat(c.problems())
        .containsExactly(
            "querylens.max-shape=\"500\" (system property): unknown key, ignored;"
                + " did you mean querylens.max-shapes?");
  }

  @Test
  void unknownEnvironmentVariableNamesTheNearestVariableAndItsKey() {
    QueryLensConfig c = QueryLensConfig.from(null, null, map("QUERYLENS_MAX_SHAPE", "500"));
    assertThat(c.problems())
        .containsExactly(
            "QUERYLENS_MAX_SHAPE=\"500\" (environment variable): unknown key, ignored;"
                + " did you mean QUERYLENS_MAX_SHAPES (querylens.max-shapes)?");
  }

  @Test
  void unknownOverrideWithoutPrefixIsNamedWithIt() {
    QueryLensConfig c = QueryLensConfig.from(map("top", "5"), null, null);
    assertThat(c.reportTop()).isEqualTo(20);
    assertThat(c.problems())
        .containsExactly(
            "querylens.top=\"5\" (override): unknown key, ignored;"
                + " did you mean querylens.report.top?");
  }

  @Test
  void unknownKeyWithNoNearNeighbourListsTheValidKeys() {
    QueryLensConfig c = sysProp("querylens.colour", "red");
    assertThat(c.problems()).hasSize(1);
    assertThat(c.problems().get(0))
        .startsWith("querylens.colour=\"red\" (system property): unknown key, ignored;")
        .contains("valid keys are querylens.enabled, querylens.max-shapes,")
        .doesNotContain("did you mean");
  }

  @Test
  void problemsAreListedOverridesFirstThenSystemPropertiesThenEnvironment() {
    QueryLensConfig c =
        QueryLensConfig.from(
            map("enabld", "true"),
            props("querylens.report.topp", "1", "querylens.max-shape", "1"),
            map("QUERYLENS_ENABLE", "1"));
    assertThat(c.problems())
        .extracting(p -> p.substring(0, p.indexOf('=')))
        .containsExactly(
            "querylens.enabld", "querylens.max-shape", "querylens.report.topp", "QUERYLENS_ENABLE");
  }

  @Test
  void badIntegerNamesKeyValueExpectationAndDefault() {
    QueryLensConfig c = sysProp("querylens.max-shapes", "lots");
    assertThat(c.maxShapes()).isEqualTo(2000);
    assertThat(c.problems())
        .containsExactly(
            "querylens.max-shapes=\"lots\" (system property): expected an integer from 1 to"
                + " 1000000; using the default 2000");
  }

  @Test
  void otelSpansIsAChoiceReadInAnyCase() {
    assertThat(sysProp("querylens.otel.spans", "On").otelSpans()).isEqualTo(Mode.ON);
    assertThat(QueryLensConfig.from(null, null, Map.of()).otelSpans()).isEqualTo(Mode.AUTO);
    QueryLensConfig bad = sysProp("querylens.otel.spans", "sometimes");
    assertThat(bad.otelSpans()).isEqualTo(Mode.AUTO);
    assertThat(bad.problems())
        .containsExactly(
            "querylens.otel.spans=\"sometimes\" (system property): expected one of auto, on, off;"
                + " using the default auto");
  }

  @Test
  void badValueFromEnvironmentNamesTheVariable() {
    QueryLensConfig c = QueryLensConfig.from(null, null, map("QUERYLENS_REPORT_CONSOLE", "maybe"));
    assertThat(c.reportConsole()).isTrue();
    assertThat(c.problems())
        .containsExactly(
            "querylens.report.console=\"maybe\" (environment variable QUERYLENS_REPORT_CONSOLE):"
                + " expected a boolean (true/false, yes/no, on/off or 1/0); using the default true");
  }

  @Test
  void badValueFallsBackToTheDefaultNotToALowerSource() {
    QueryLensConfig c =
        QueryLensConfig.from(
            null, props("querylens.report.top", "0"), map("QUERYLENS_REPORT_TOP", "50"));
    assertThat(c.reportTop()).isEqualTo(20);
    assertThat(c.problems()).singleElement().asString().contains("querylens.report.top=\"0\"");
  }

  @Test
  void badValueMaskedByAHigherSourceIsNotReported() {
    QueryLensConfig c =
        QueryLensConfig.from(map("report.top", "30"), props("querylens.report.top", "oops"), null);
    assertThat(c.reportTop()).isEqualTo(30);
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void integersMayBeGroupedWithUnderscoresAndSurroundedBySpaces() {
    assertThat(sysProp("querylens.max-shapes", "1_000_000").maxShapes()).isEqualTo(1_000_000);
    assertThat(sysProp("querylens.sql-cache.max-entries", " 12_345 ").sqlCacheMaxEntries())
        .isEqualTo(12_345);
    assertThat(sysProp("querylens.report.top", "+7").reportTop()).isEqualTo(7);
  }

  @Test
  void integerRangeEndsAreAcceptedAndValuesBeyondThemRejected() {
    assertThat(sysProp("querylens.max-shapes", "1").maxShapes()).isEqualTo(1);
    assertThat(sysProp("querylens.sql-cache.max-entries", "0").sqlCacheMaxEntries()).isZero();
    assertThat(sysProp("querylens.sql-cache.max-sql-length", "2147483647").sqlCacheMaxSqlLength())
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(sysProp("querylens.report.top", "10000").reportTop()).isEqualTo(10_000);

    QueryLensConfig tooBig = sysProp("querylens.report.top", "10001");
    assertThat(tooBig.reportTop()).isEqualTo(20);
    assertThat(tooBig.problems())
        .containsExactly(
            "querylens.report.top=\"10001\" (system property): expected an integer from 1 to"
                + " 10000; using the default 20");
    QueryLensConfig negative = sysProp("querylens.sql-cache.max-sql-length", "-1");
    assertThat(negative.problems())
        .singleElement()
        .asString()
        .endsWith("expected an integer of 0 or more; using the default 16384");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1.5", "1e3", "_1", "1_", "0x10", "99999999999999999999999", "2000 shapes"})
  void malformedIntegersAreRejected(String value) {
    QueryLensConfig c = sysProp("querylens.max-shapes", value);
    assertThat(c.maxShapes()).isEqualTo(2000);
    assertThat(c.problems()).singleElement().asString().contains("expected an integer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "Yes", "on", "1", " true "})
  void trueSpellingsAreAccepted(String value) {
    QueryLensConfig t = sysProp("querylens.report.console", value);
    assertThat(t.reportConsole()).isTrue();
    assertThat(t.problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "False", "NO", "off", "0"})
  void falseSpellingsAreAccepted(String value) {
    QueryLensConfig c = sysProp("querylens.enabled", value);
    assertThat(c.enabled()).isFalse();
    assertThat(c.problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "y", "n", "2", "enabled", "truee"})
  void otherBooleanSpellingsAreRejected(String value) {
    QueryLensConfig c = sysProp("querylens.enabled", value);
    assertThat(c.enabled()).isTrue();
    assertThat(c.problems()).singleElement().asString().contains("expected a boolean");
  }

  @Test
  void emptyPathMeansUnsetAndOverridesALowerSource() {
    QueryLensConfig c =
        QueryLensConfig.from(
            null, props("querylens.report.json", ""), map("QUERYLENS_REPORT_JSON", "r.json"));
    assertThat(c.reportJson()).isNull();
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void invalidPathIsReportedAndLeftUnset() {
    QueryLensConfig c = sysProp("querylens.report.json", "bad\u0000name.json");
    assertThat(c.reportJson()).isNull();
    assertThat(c.problems())
        .singleElement()
        .asString()
        .startsWith(
            "querylens.report.json=\"bad\\u0000name.json\" (system property): not a valid path")
        .endsWith("using the default unset");
  }

  @Test
  void longValuesAreCutInMessages() {
    QueryLensConfig c = sysProp("querylens.max-shapes", "x".repeat(1000));
    assertThat(c.problems().get(0)).hasSizeLessThan(300).contains("...\"");
  }

  @Test
  void nullOverrideValueIsReadAsEmpty() {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("report.json", null);
    overrides.put(null, "ignored");
    QueryLensConfig c =
        QueryLensConfig.from(overrides, null, map("QUERYLENS_REPORT_JSON", "r.json"));
    assertThat(c.reportJson()).isNull();
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void problemsCannotBeModified() {
    QueryLensConfig c = sysProp("querylens.nope", "1");
    List<String> problems = c.problems();
    assertThatThrownBy(() -> problems.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fromEnvironmentNeverThrows() {
    QueryLensConfig c = QueryLensConfig.fromEnvironment();
    assertThat(c.maxShapes()).isBetween(1, 1_000_000);
  }

  @Test
  void builderSetsEveryValue() {
    QueryLensConfig c =
        QueryLensConfig.builder()
            .set(ConfigKey.ENABLED, false)
            .set(ConfigKey.MAX_SHAPES, 1)
            .set(ConfigKey.SQL_CACHE_MAX_ENTRIES, 0)
            .set(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH, 100)
            .set(ConfigKey.REPORT_CONSOLE, false)
            .set(ConfigKey.REPORT_JSON, Path.of("q.json"))
            .set(ConfigKey.REPORT_HTML, Path.of("q.html"))
            .set(ConfigKey.REPORT_TOP, 10_000)
            .set(ConfigKey.DIAGNOSIS_ENABLED, false)
            .set(ConfigKey.NPLUSONE_THRESHOLD, 2)
            .set(ConfigKey.UNBOUNDED_RESULT_ROWS, 50)
            .set(ConfigKey.MAX_FINDINGS, 100_000)
            .set(ConfigKey.UNIT_IDLE_GAP, Duration.ofSeconds(2))
            .set(ConfigKey.CALLSITE_APP_PACKAGES, List.of(" com.example ", "org.acme.billing."))
            .set(ConfigKey.CALLSITE_SKIP_PACKAGES, List.of("com.vendor"))
            .set(ConfigKey.OTEL_EXPORT, Mode.ON)
            .set(ConfigKey.OTEL_SPANS, Mode.OFF)
            .set(ConfigKey.OTEL_EXIT_TIMEOUT, Duration.ofMillis(1500))
            .set(ConfigKey.DATABASE_STATS, Mode.ON)
            .set(ConfigKey.DATABASE_STATS_URL, " jdbc:postgresql://db/app?password=secret ")
            .set(ConfigKey.DATABASE_STATS_USER, "stats")
            .set(ConfigKey.DATABASE_STATS_PASSWORD, "hunter2")
            .build();
    assertThat(c.enabled()).isFalse();
    assertThat(c.maxShapes()).isEqualTo(1);
    assertThat(c.sqlCacheMaxEntries()).isZero();
    assertThat(c.sqlCacheMaxSqlLength()).isEqualTo(100);
    assertThat(c.reportConsole()).isFalse();
    assertThat(c.reportJson()).isEqualTo(Path.of("q.json"));
    assertThat(c.reportHtml()).isEqualTo(Path.of("q.html"));
    assertThat(c.reportTop()).isEqualTo(10_000);
    assertThat(c.diagnosisEnabled()).isFalse();
    assertThat(c.nPlusOneThreshold()).isEqualTo(2);
    assertThat(c.unboundedResultRows()).isEqualTo(50);
    assertThat(c.maxFindings()).isEqualTo(100_000);
    assertThat(c.unitIdleGap()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.callSiteAppPackages()).containsExactly("com.example", "org.acme.billing.");
    assertThat(c.callSiteSkipPackages()).containsExactly("com.vendor");
    assertThat(c.otelExport()).isEqualTo(Mode.ON);
    assertThat(c.otelSpans()).isEqualTo(Mode.OFF);
    assertThat(c.otelExitTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.problems()).isEmpty();
    assertThat(c.toString())
        .isEqualTo(
            "querylens.enabled=false, querylens.max-shapes=1, querylens.sql-cache.max-entries=0,"
                + " querylens.sql-cache.max-sql-length=100, querylens.report.console=false,"
                + " querylens.report.json=q.json, querylens.report.html=q.html,"
                + " querylens.report.top=10000,"
                + " querylens.diagnosis.enabled=false, querylens.nplusone.threshold=2,"
                + " querylens.unbounded-result.rows=50,"
                + " querylens.max-findings=100000, querylens.unit.idle-gap=2s,"
                + " querylens.callsite.app-packages=com.example,org.acme.billing.,"
                + " querylens.callsite.skip-packages=com.vendor, querylens.log.level=info,"
                + " querylens.otel.export=on, querylens.otel.spans=off,"
                + " querylens.metrics.top-shapes=20, querylens.otel.exit-timeout=1500ms,"
                + " querylens.database.stats=on, querylens.database.stats-interval=10s,"
                + " querylens.database.sample-interval=1s, querylens.database.stats-url=(set),"
                + " querylens.database.stats-user=stats, querylens.database.stats-password=(set),"
                + " querylens.database.explain=auto, querylens.database.slow-query=20ms,"
                + " querylens.database.network-threshold=2ms");
    assertThat(c.get(ConfigKey.DATABASE_STATS_URL))
        .isEqualTo("jdbc:postgresql://db/app?password=secret");
    assertThat(c.get(ConfigKey.DATABASE_STATS_PASSWORD)).isEqualTo("hunter2");
  }

  @Test
  void toStringReadsBackAsTheSameConfigWhenNothingIsEmpty() {
    QueryLensConfig c =
        QueryLensConfig.builder()
            .set(ConfigKey.REPORT_JSON, Path.of("out/q.json"))
            .set(ConfigKey.REPORT_HTML, Path.of("out/q.html"))
            .set(ConfigKey.UNIT_IDLE_GAP, Duration.ofMinutes(2))
            .set(ConfigKey.CALLSITE_APP_PACKAGES, List.of("com.example", "org.acme."))
            .set(
                ConfigKey.CALLSITE_SKIP_PACKAGES,
                List.of("com.vendor")) // none would read as a name
            .set(ConfigKey.LOG_LEVEL, LogLevel.DEBUG)
            .set(ConfigKey.OTEL_SPANS, Mode.OFF)
            .build();
    Map<String, String> overrides = new HashMap<>();
    for (String entry : c.toString().split(", ")) {
      overrides.put(
          entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
    }
    QueryLensConfig read = QueryLensConfig.from(overrides, null, null);
    assertThat(read).isEqualTo(c);
    assertThat(read.problems()).isEmpty();
    assertThat(overrides).hasSize(ConfigKey.values().size());
  }

  @Test
  void modesAndLevelsAreReadAsEnumsInAnyCase() {
    QueryLensConfig c =
        QueryLensConfig.from(
            map("log.level", "DEBUG"), props("querylens.otel.export", " Off "), null);
    assertThat(c.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(c.otelExport()).isEqualTo(Mode.OFF);
    assertThat(c.get(ConfigKey.OTEL_SPANS)).isEqualTo(Mode.AUTO);
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void builderRejectsAMissingChoiceNamingTheKey() {
    assertThatThrownBy(() -> QueryLensConfig.builder().set(ConfigKey.OTEL_SPANS, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("querylens.otel.spans must be one of auto, on, off, got null");
  }

  @Test
  void builderAndSourcesProduceEqualConfigs() {
    QueryLensConfig read =
        QueryLensConfig.from(map("max-shapes", "300", "report.json", "a.json"), null, null);
    QueryLensConfig built =
        QueryLensConfig.builder()
            .set(ConfigKey.MAX_SHAPES, 300)
            .set(ConfigKey.REPORT_JSON, Path.of("a.json"))
            .build();
    assertThat(read).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(read).isNotEqualTo(QueryLensConfig.builder().build());
  }

  @Test
  void builderRejectsOutOfRangeValuesNamingTheKey() {
    QueryLensConfig.Builder b = QueryLensConfig.builder();
    assertThatThrownBy(() -> b.set(ConfigKey.MAX_SHAPES, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("querylens.max-shapes must be an integer from 1 to 1000000, got 0");
    assertThatThrownBy(() -> b.set(ConfigKey.SQL_CACHE_MAX_ENTRIES, 10_000_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("querylens.sql-cache.max-entries");
    assertThatThrownBy(() -> b.set(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("querylens.sql-cache.max-sql-length must be an integer of 0 or more, got -1");
    assertThatThrownBy(() -> b.set(ConfigKey.REPORT_TOP, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().maxShapes()).isEqualTo(2000); // a rejected value leaves the old one
  }

  @ParameterizedTest
  @ValueSource(strings = {"250ms", "250", " 250 ms ", "250MS", "0_250"})
  void idleGapReadsMillisecondsWithOrWithoutTheUnit(String value) {
    QueryLensConfig c = sysProp("querylens.unit.idle-gap", value);
    assertThat(c.unitIdleGap()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void idleGapReadsSecondsMinutesAndHours() {
    assertThat(sysProp("querylens.unit.idle-gap", "2s").unitIdleGap())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(sysProp("querylens.unit.idle-gap", "1m").unitIdleGap())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(sysProp("querylens.unit.idle-gap", "1h").unitIdleGap())
        .isEqualTo(Duration.ofHours(1));
    assertThat(sysProp("querylens.unit.idle-gap", "0").unitIdleGap()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fast", "2 seconds", "1.5s", "-1ms", "2h", "3600001", "10us"})
  void badIdleGapNamesTheExpectedFormAndKeepsTheDefault(String value) {
    QueryLensConfig c = sysProp("querylens.unit.idle-gap", value);
    assertThat(c.unitIdleGap()).isEqualTo(Duration.ofMillis(10));
    assertThat(c.problems())
        .singleElement()
        .asString()
        .contains(
            "expected a duration such as 250ms, 2s or 1m (a plain number is milliseconds) from"
                + " 0ms to 1h; using the default 10ms");
  }

  @Test
  void packageListsAreSplitOnCommasAndTrimmed() {
    QueryLensConfig c =
        QueryLensConfig.from(
            map("callsite.app-packages", " com.example , org.acme.billing.,,"),
            props("querylens.callsite.skip-packages", "com.vendor.Helper"),
            null);
    assertThat(c.callSiteAppPackages()).containsExactly("com.example", "org.acme.billing.");
    assertThat(c.callSiteSkipPackages()).containsExactly("com.vendor.Helper");
    assertThat(c.problems()).isEmpty();
    assertThat(sysProp("querylens.callsite.app-packages", " ").callSiteAppPackages()).isEmpty();
  }

  @Test
  void badPackageListIsReportedAndLeftEmpty() {
    QueryLensConfig c = sysProp("querylens.callsite.app-packages", "com.example, com/acme");
    assertThat(c.callSiteAppPackages()).isEmpty();
    assertThat(c.problems())
        .containsExactly(
            "querylens.callsite.app-packages=\"com.example, com/acme\" (system property): expected"
                + " a comma-separated list of package prefixes such as com.example,org.acme.billing;"
                + " using the default none");
  }

  @Test
  void thresholdAndMaxFindingsAreRangeChecked() {
    assertThat(sysProp("querylens.nplusone.threshold", "2").nPlusOneThreshold()).isEqualTo(2);
    QueryLensConfig one = sysProp("querylens.nplusone.threshold", "1");
    assertThat(one.nPlusOneThreshold()).isEqualTo(5);
    assertThat(one.problems())
        .containsExactly(
            "querylens.nplusone.threshold=\"1\" (system property): expected an integer from 2 to"
                + " 1000000; using the default 5");
    assertThat(sysProp("querylens.max-findings", "100001").maxFindings()).isEqualTo(500);
    assertThat(sysProp("querylens.diagnosis.enabled", "no").diagnosisEnabled()).isFalse();
  }

  @Test
  void misspeltNewKeysGetSuggestions() {
    assertThat(sysProp("querylens.nplusone.treshold", "3").problems())
        .singleElement()
        .asString()
        .endsWith("did you mean querylens.nplusone.threshold?");
    assertThat(sysProp("querylens.unit.idle-gp", "3").problems())
        .singleElement()
        .asString()
        .endsWith("did you mean querylens.unit.idle-gap?");
    assertThat(sysProp("querylens.idle-gap", "3").problems())
        .singleElement()
        .asString()
        .endsWith("did you mean querylens.unit.idle-gap?");
    assertThat(sysProp("querylens.max-finding", "3").problems())
        .singleElement()
        .asString()
        .endsWith("did you mean querylens.max-findings?");
  }

  @Test
  void builderRejectsBadDiagnosisValuesNamingTheKey() {
    QueryLensConfig.Builder b = QueryLensConfig.builder();
    assertThatThrownBy(() -> b.set(ConfigKey.NPLUSONE_THRESHOLD, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("querylens.nplusone.threshold must be an integer from 2 to 1000000, got 1");
    assertThatThrownBy(() -> b.set(ConfigKey.MAX_FINDINGS, 0))
        .hasMessageContaining("querylens.max-findings");
    assertThatThrownBy(() -> b.set(ConfigKey.UNIT_IDLE_GAP, Duration.ofMillis(-1)))
        .hasMessageContaining("querylens.unit.idle-gap");
    assertThatThrownBy(() -> b.set(ConfigKey.UNIT_IDLE_GAP, Duration.ofHours(2)))
        .hasMessageContaining("querylens.unit.idle-gap");
    assertThatThrownBy(() -> b.set(ConfigKey.UNIT_IDLE_GAP, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.set(ConfigKey.CALLSITE_APP_PACKAGES, List.of("a b")))
        .hasMessageContaining("querylens.callsite.app-packages");
    assertThatThrownBy(() -> b.set(ConfigKey.CALLSITE_SKIP_PACKAGES, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build()).isEqualTo(QueryLensConfig.builder().build());
  }
}
