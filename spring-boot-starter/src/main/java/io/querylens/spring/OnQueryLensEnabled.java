package io.querylens.spring;

import io.querylens.core.config.ConfigKey;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code querylens.enabled} is off, read as QueryLens reads it everywhere else
 * ({@code false}, {@code no}, {@code off}, {@code 0}, any case). A value QueryLens cannot read
 * leaves it on, as its default, and the configuration reports the value.
 */
final class OnQueryLensEnabled extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String key = ConfigKey.ENABLED.key();
    String value = context.getEnvironment().getProperty(key);
    boolean enabled;
    try {
      enabled = value == null ? ConfigKey.ENABLED.defaultValue() : ConfigKey.ENABLED.parse(value);
    } catch (IllegalArgumentException e) {
      enabled = ConfigKey.ENABLED.defaultValue();
    }
    return enabled
        ? ConditionOutcome.match(key + " is on")
        : ConditionOutcome.noMatch(key + "=" + value);
  }
}
