package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.report.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata the build writes (phase process-classes) describes every key. */
class SpringConfigMetadataTest {

  private static Map<String, Object> metadata() throws IOException {
    try (InputStream in =
        SpringConfigMetadataTest.class
            .getClassLoader()
            .getResourceAsStream(SpringConfigMetadata.RESOURCE)) {
      assertThat(in)
          .as(SpringConfigMetadata.RESOURCE + " on the class path (written at process-classes)")
          .isNotNull();
      return object(MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  @Test
  void everyKeyIsAPropertyWithItsTypeDescriptionAndDefault() throws Exception {
    List<Object> properties = list(metadata().get("properties"));
    assertThat(properties).hasSameSizeAs(ConfigKey.values());
    for (int i = 0; i < properties.size(); i++) {
      ConfigKey<?> key = ConfigKey.values().get(i);
      Map<String, Object> property = object(properties.get(i));
      assertThat(property.get("name")).isEqualTo(key.key());
      assertThat(property.get("description")).isEqualTo(key.description());
      String type = (String) property.get("type");
      Class<?> raw = Class.forName(type.replaceAll("<.*>", ""));
      Object defaultValue = key.defaultValue();
      if (defaultValue == null) {
        assertThat(property).as(key.key()).doesNotContainKey("defaultValue");
        continue;
      }
      assertThat(defaultValue).as(key.key() + " is a " + type).isInstanceOf(raw);
      Object expected =
          defaultValue instanceof Integer
              ? new BigDecimal((Integer) defaultValue)
              : defaultValue instanceof Boolean || defaultValue instanceof List
                  ? defaultValue
                  : key.defaultText();
      assertThat(property.get("defaultValue")).as(key.key()).isEqualTo(expected);
    }
  }

  @Test
  void typesAndDefaultsAreThoseSpringBootReads() throws IOException {
    List<Object> properties = list(metadata().get("properties"));
    assertThat(object(properties.get(ConfigKey.UNIT_IDLE_GAP.index())))
        .containsEntry("type", "java.time.Duration")
        .containsEntry("defaultValue", "10ms");
    assertThat(object(properties.get(ConfigKey.CALLSITE_APP_PACKAGES.index())))
        .containsEntry("type", "java.util.List<java.lang.String>")
        .containsEntry("defaultValue", List.of());
    assertThat(object(properties.get(ConfigKey.REPORT_JSON.index())))
        .containsEntry("type", "java.nio.file.Path");
    assertThat(object(properties.get(ConfigKey.OTEL_SPANS.index())))
        .containsEntry("type", "io.querylens.core.config.Mode")
        .containsEntry("defaultValue", "auto");
  }

  @Test
  void everyChoiceHasItsValuesAsHints() throws IOException {
    List<String> hinted = new ArrayList<>();
    for (Object h : list(metadata().get("hints"))) {
      Map<String, Object> hint = object(h);
      String name = (String) hint.get("name");
      hinted.add(name);
      List<String> values = new ArrayList<>();
      for (Object v : list(hint.get("values"))) {
        values.add((String) object(v).get("value"));
      }
      assertThat(values).as(name).isEqualTo(ConfigKey.byKey(name).type().choices());
    }
    assertThat(hinted)
        .containsExactly(
            ConfigKey.LOG_LEVEL.key(),
            ConfigKey.OTEL_EXPORT.key(),
            ConfigKey.OTEL_SPANS.key(),
            ConfigKey.DATABASE_STATS.key(),
            ConfigKey.DATABASE_EXPLAIN.key());
    assertThat(ConfigKey.OTEL_SPANS.type().choices()).containsExactly("auto", "on", "off");
  }
}
