package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

  @Test
  void keysAreKebabCaseUnderTheQuerylensPrefix() {
    for (ConfigKey<?> k : ConfigKey.values()) {
      assertThat(k.key()).matches("querylens(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*){1,2}");
    }
  }

  @Test
  void envNamesReplaceDotsAndDashesWithUnderscoresInUpperCase() {
    assertThat(ConfigKey.MAX_SHAPES.envName()).isEqualTo("QUERYLENS_MAX_SHAPES");
    assertThat(ConfigKey.SQL_CACHE_MAX_ENTRIES.envName())
        .isEqualTo("QUERYLENS_SQL_CACHE_MAX_ENTRIES");
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.envName()).isEqualTo("QUERYLENS_NPLUSONE_THRESHOLD");
    assertThat(ConfigKey.UNIT_IDLE_GAP.envName()).isEqualTo("QUERYLENS_UNIT_IDLE_GAP");
    assertThat(ConfigKey.byEnvName("QUERYLENS_SQL_CACHE_MAX_SQL_LENGTH"))
        .isSameAs(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH);
  }

  @Test
  void keysAndEnvNamesAreUniqueAndIndexedInDeclarationOrder() {
    Set<String> keys = new HashSet<>();
    Set<String> envNames = new HashSet<>();
    for (int i = 0; i < ConfigKey.values().size(); i++) {
      ConfigKey<?> k = ConfigKey.values().get(i);
      assertThat(keys.add(k.key())).as(k.key()).isTrue();
      assertThat(envNames.add(k.envName())).as(k.envName()).isTrue();
      assertThat(k.index()).as(k.key()).isEqualTo(i);
      assertThat(ConfigKey.byKey(k.key())).isSameAs(k);
    }
  }

  @Test
  void defaultsAreValuesOfTheirOwnType() {
    for (ConfigKey<?> k : ConfigKey.values()) {
      assertDefaultChecks(k);
    }
  }

  private static <T> void assertDefaultChecks(ConfigKey<T> k) {
    assertThat(k.check(k.defaultValue())).as(k.key()).isEqualTo(k.defaultValue());
  }

  @Test
  void descriptionsAreOneSentenceOnOneLine() {
    for (ConfigKey<?> k : ConfigKey.values()) {
      assertThat(k.description()).as(k.key()).doesNotContain("\n", "|").endsWith(".");
    }
  }

  @Test
  void declaredKeysMatchTheSpecification() {
    assertThat(ConfigKey.byKey("querylens.enabled").defaultValue()).isEqualTo(true);
    assertThat(ConfigKey.byKey("querylens.max-shapes").defaultValue()).isEqualTo(2000);
    assertThat(ConfigKey.MAX_SHAPES.typeText()).isEqualTo("integer 1..1000000");
    assertThat(ConfigKey.SQL_CACHE_MAX_ENTRIES.defaultValue()).isEqualTo(10_000);
    assertThat(ConfigKey.SQL_CACHE_MAX_ENTRIES.typeText()).isEqualTo("integer 0..10000000");
    assertThat(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH.defaultValue()).isEqualTo(16_384);
    assertThat(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH.typeText()).isEqualTo("integer >= 0");
    assertThat(ConfigKey.REPORT_CONSOLE.defaultValue()).isTrue();
    assertThat(ConfigKey.REPORT_JSON.defaultValue()).isNull();
    assertThat(ConfigKey.REPORT_JSON.defaultText()).isEqualTo("unset");
    assertThat(ConfigKey.REPORT_HTML.defaultValue()).isNull();
    assertThat(ConfigKey.REPORT_HTML.envName()).isEqualTo("QUERYLENS_REPORT_HTML");
    assertThat(ConfigKey.REPORT_HTML.typeText()).isEqualTo("path");
    assertThat(ConfigKey.REPORT_TOP.defaultValue()).isEqualTo(20);
    assertThat(ConfigKey.REPORT_TOP.typeText()).isEqualTo("integer 1..10000");
    assertThat(ConfigKey.DIAGNOSIS_ENABLED.defaultValue()).isTrue();
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.defaultValue()).isEqualTo(5);
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.typeText()).isEqualTo("integer 2..1000000");
    assertThat(ConfigKey.MAX_FINDINGS.defaultValue()).isEqualTo(500);
    assertThat(ConfigKey.MAX_FINDINGS.typeText()).isEqualTo("integer 1..100000");
    assertThat(ConfigKey.UNIT_IDLE_GAP.defaultValue()).isEqualTo(Duration.ofMillis(10));
    assertThat(ConfigKey.UNIT_IDLE_GAP.typeText()).isEqualTo("duration 0ms..1h");
    assertThat(ConfigKey.CALLSITE_APP_PACKAGES.defaultValue()).isEqualTo(List.of());
    assertThat(ConfigKey.CALLSITE_SKIP_PACKAGES.defaultText()).isEqualTo("none");
    assertThat(ConfigKey.LOG_LEVEL.defaultValue()).isEqualTo(LogLevel.INFO);
    assertThat(ConfigKey.LOG_LEVEL.typeText()).isEqualTo("off/error/warn/info/debug");
    assertThat(ConfigKey.OTEL_EXPORT.defaultText()).isEqualTo("auto");
    assertThat(ConfigKey.OTEL_SPANS.typeText()).isEqualTo("auto/on/off");
    assertThat(ConfigKey.OTEL_EXIT_TIMEOUT.defaultText()).isEqualTo("5s");
    assertThat(ConfigKey.OTEL_EXIT_TIMEOUT.typeText()).isEqualTo("duration 0ms..1m");
    assertThat(ConfigKey.METRICS_TOP_SHAPES.typeText()).isEqualTo("integer 0..1000");
    assertThat(ConfigKey.byKey("querylens.nope")).isNull();
    assertThat(ConfigKey.byKey("max-shapes")).isNull();
  }

  @Test
  void durationsAreWrittenInTheirLargestWholeUnit() {
    assertThat(DurationType.text(Duration.ofMillis(2000))).isEqualTo("2s");
    assertThat(DurationType.text(Duration.ofMinutes(1))).isEqualTo("1m");
    assertThat(DurationType.text(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(DurationType.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationType.text(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void parseReadsTextAsASystemPropertyWouldBe() {
    assertThat(ConfigKey.LOG_LEVEL.parse(" WARN ")).isEqualTo(LogLevel.WARN);
    assertThat(ConfigKey.OTEL_SPANS.parse("Off")).isEqualTo(Mode.OFF);
    assertThat(ConfigKey.UNIT_IDLE_GAP.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> ConfigKey.LOG_LEVEL.parse("loud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("querylens.log.level=\"loud\": expected one of off, error, warn, info, debug");
  }

  @Test
  void aLogLevelPrintsItselfAndTheMoreSevereLevels() {
    assertThat(LogLevel.WARN.prints(LogLevel.ERROR)).isTrue();
    assertThat(LogLevel.WARN.prints(LogLevel.WARN)).isTrue();
    assertThat(LogLevel.WARN.prints(LogLevel.INFO)).isFalse();
    assertThat(LogLevel.OFF.prints(LogLevel.ERROR)).isFalse();
    assertThat(LogLevel.DEBUG.prints(LogLevel.OFF)).isFalse();
  }
}
