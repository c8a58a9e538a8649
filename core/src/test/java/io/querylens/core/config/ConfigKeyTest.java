package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
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
    assertThat(ConfigKey.byKey("querylens.nope")).isNull();
    assertThat(ConfigKey.byKey("max-shapes")).isNull();
  }
}
