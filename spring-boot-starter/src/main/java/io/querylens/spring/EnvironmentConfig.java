package io.querylens.spring;

import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Reads QueryLens's configuration from a Spring {@link ConfigurableEnvironment}: every {@code
 * querylens.*} key from {@code application.properties}/YAML, profiles, system properties and
 * environment variables, with Spring's precedence. Keys a property source names under {@code
 * querylens.} that QueryLens does not know are passed on too, so that {@link QueryLensConfig}
 * reports them (with the nearest known key) as it does for system properties.
 */
final class EnvironmentConfig {
  private static final String PREFIX = "querylens.";

  private EnvironmentConfig() {}

  /** The configuration {@code environment} sets; never throws (bad values become problems). */
  static QueryLensConfig read(ConfigurableEnvironment environment) {
    Map<String, String> values = new LinkedHashMap<>();
    Binder binder = Binder.get(environment);
    for (ConfigKey<?> key : ConfigKey.values()) {
      String value = valueOf(environment, binder, key.key());
      if (value != null) {
        values.put(key.key(), value);
      }
    }
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> names) {
        for (String name : names.getPropertyNames()) {
          if (name.startsWith(PREFIX) && !name.contains("[") && !values.containsKey(name)) {
            values.put(name, environment.getProperty(name, ""));
          }
        }
      }
    }
    // the Environment already holds the system properties and environment variables
    return QueryLensConfig.from(values, null, null);
  }

  /** A plain value, or a YAML list ({@code - com.example}) joined with commas. */
  private static String valueOf(ConfigurableEnvironment environment, Binder binder, String key) {
    String value = environment.getProperty(key);
    if (value != null) {
      return value;
    }
    try {
      return binder
          .bind(key, Bindable.listOf(String.class))
          .map(EnvironmentConfig::join)
          .orElse(null);
    } catch (RuntimeException e) {
      return null; // a value Spring cannot bind: QueryLens keeps its default
    }
  }

  private static String join(List<String> items) {
    return String.join(",", items);
  }
}
