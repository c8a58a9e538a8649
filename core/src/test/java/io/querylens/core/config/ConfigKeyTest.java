package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {

  @Test
  void keysAreKebabCaseUnderTheQuerylensPrefix() {
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(k.key()).matches("querylens(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*){1,2}");
    }
  }

  @Test
  void envNamesReplaceDotsAndDashesWithUnderscoresInUpperCase() {
    assertThat(ConfigKey.MAX_SHAPES.envName()).isEqualTo("QUERYLENS_MAX_SHAPES");
    assertThat(ConfigKey.SQL_CACHE_MAX_ENTRIES.envName())
        .isEqualTo("QUERYLENS_SQL_CACHE_MAX_ENTRIES");
    assertThat(ConfigKey.byEnvName("QUERYLENS_SQL_CACHE_MAX_SQL_LENGTH"))
        .isSameAs(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH);
  }

  @Test
  void keysAndEnvNamesAreUnique() {
    Set<String> keys = new HashSet<>();
    Set<String> envNames = new HashSet<>();
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(keys.add(k.key())).as(k.key()).isTrue();
      assertThat(envNames.add(k.envName())).as(k.envName()).isTrue();
    }
  }

  @Test
  void defaultsHaveTheDeclaredTypeAndLieInRange() {
    for (ConfigKey k : ConfigKey.values()) {
      switch (k.type()) {
        case BOOLEAN:
          assertThat(k.defaultValue()).as(k.key()).isInstanceOf(Boolean.class);
          break;
        case INT:
          assertThat(k.defaultValue()).as(k.key()).isInstanceOf(Integer.class);
          assertThat((Integer) k.defaultValue()).as(k.key()).isBetween(k.min(), k.max());
          break;
        case PATH:
          assertThat(k.defaultValue()).as(k.key()).isNull();
          assertThat(k.defaultText()).isEqualTo("unset");
          break;
        case DURATION:
          assertThat(k.defaultValue()).as(k.key()).isInstanceOf(Duration.class);
          assertThat(((Duration) k.defaultValue()).toMillis())
              .as(k.key())
              .isBetween((long) k.min(), (long) k.max());
          break;
        case LIST:
          assertThat(k.defaultValue()).as(k.key()).isInstanceOf(List.class);
          break;
        case CHOICE:
          assertThat(k.choices()).as(k.key()).contains((String) k.defaultValue());
          break;
        default:
          throw new AssertionError(k.type());
      }
    }
  }

  @Test
  void descriptionsAreOneSentenceOnOneLine() {
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(k.description()).as(k.key()).doesNotContain("\n", "|").endsWith(".");
    }
  }

  @Test
  void declaredKeysMatchTheSpecification() {
    assertThat(ConfigKey.byKey("querylens.enabled").defaultValue()).isEqualTo(true);
    assertThat(ConfigKey.byKey("querylens.max-shapes").defaultValue()).isEqualTo(2000);
    assertThat(ConfigKey.MAX_SHAPES.max()).isEqualTo(1_000_000);
    assertThat(ConfigKey.SQL_CACHE_MAX_ENTRIES.defaultValue()).isEqualTo(10_000);
    assertThat(ConfigKey.SQL_CACHE_MAX_ENTRIES.max()).isEqualTo(10_000_000);
    assertThat(ConfigKey.SQL_CACHE_MAX_SQL_LENGTH.defaultValue()).isEqualTo(16_384);
    assertThat(ConfigKey.REPORT_CONSOLE.defaultValue()).isEqualTo(true);
    assertThat(ConfigKey.REPORT_TOP.defaultValue()).isEqualTo(20);
    assertThat(ConfigKey.REPORT_TOP.min()).isEqualTo(1);
    assertThat(ConfigKey.REPORT_TOP.max()).isEqualTo(10_000);
    assertThat(ConfigKey.DIAGNOSIS_ENABLED.defaultValue()).isEqualTo(true);
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.defaultValue()).isEqualTo(5);
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.min()).isEqualTo(2);
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.max()).isEqualTo(1_000_000);
    assertThat(ConfigKey.MAX_FINDINGS.defaultValue()).isEqualTo(500);
    assertThat(ConfigKey.MAX_FINDINGS.min()).isEqualTo(1);
    assertThat(ConfigKey.MAX_FINDINGS.max()).isEqualTo(100_000);
    assertThat(ConfigKey.UNIT_IDLE_GAP.defaultValue()).isEqualTo(Duration.ofMillis(10));
    assertThat(ConfigKey.CALLSITE_APP_PACKAGES.defaultValue()).isEqualTo(List.of());
    assertThat(ConfigKey.CALLSITE_SKIP_PACKAGES.defaultValue()).isEqualTo(List.of());
    assertThat(ConfigKey.byKey("querylens.nope")).isNull();
    assertThat(ConfigKey.byKey("max-shapes")).isNull();
  }

  @Test
  void newKeysHaveTheirEnvironmentNames() {
    assertThat(ConfigKey.NPLUSONE_THRESHOLD.envName()).isEqualTo("QUERYLENS_NPLUSONE_THRESHOLD");
    assertThat(ConfigKey.UNIT_IDLE_GAP.envName()).isEqualTo("QUERYLENS_UNIT_IDLE_GAP");
    assertThat(ConfigKey.CALLSITE_APP_PACKAGES.envName())
        .isEqualTo("QUERYLENS_CALLSITE_APP_PACKAGES");
  }

  @Test
  void defaultTextWritesDurationsInTheirLargestWholeUnitAndEmptyListsAsNone() {
    assertThat(ConfigKey.UNIT_IDLE_GAP.defaultText()).isEqualTo("10ms");
    assertThat(ConfigKey.durationText(Duration.ofMillis(2000))).isEqualTo("2s");
    assertThat(ConfigKey.durationText(Duration.ofMinutes(1))).isEqualTo("1m");
    assertThat(ConfigKey.durationText(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(ConfigKey.durationText(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(ConfigKey.durationText(Duration.ZERO)).isEqualTo("0ms");
    assertThat(ConfigKey.CALLSITE_SKIP_PACKAGES.defaultText()).isEqualTo("none");
    assertThat(ConfigKey.UNIT_IDLE_GAP.typeText()).isEqualTo("duration 0ms..1h");
  }
}
