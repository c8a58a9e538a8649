package io.querylens.spring;

import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;

/**
 * QueryLens in a Spring Boot application: the configuration read from the {@code Environment}, the
 * JVM-wide recording built from it, and every {@code DataSource} bean recorded, unless the
 * QueryLens agent is attached (it records them itself). Off with {@code querylens.enabled=false}.
 */
@AutoConfiguration
@Conditional(OnQueryLensEnabled.class)
public class QueryLensAutoConfiguration {
  private static final Log log = LogFactory.getLog(QueryLensAutoConfiguration.class);

  /** QueryLens's configuration, from {@code querylens.*} in the Spring Environment. */
  @Bean
  public QueryLensConfig queryLensConfig(ConfigurableEnvironment environment) {
    return EnvironmentConfig.read(environment);
  }

  /**
   * The JVM-wide recording ({@code QueryLens.snapshot()}, the exit reports), built from {@code
   * config} unless something recorded before the context started: then that recording and its
   * configuration stay, and a warning says so.
   */
  @Bean
  public Recording queryLensRecording(QueryLensConfig config, ResourceLoader resourceLoader) {
    Recording recording = Recording.installGlobal(config);
    if (recording.config().equals(config)) {
      return recording;
    }
    if (QueryLensAgentPresence.isAttached(resourceLoader.getClassLoader())) {
      log.info(
          "The QueryLens agent's configuration applies; querylens.* values from the Spring"
              + " Environment that differ from it are not applied");
    } else {
      log.warn(
          "QueryLens was recording before the Spring context started (a jdbc:querylens: URL or"
              + " QueryLens.wrap ran first); its configuration stays, and querylens.* values from"
              + " the Spring Environment that differ from it are not applied");
    }
    return recording;
  }

  /** Records every DataSource bean, when the agent does not. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass(QueryLensAgentPresence.AGENT_CLASS)
  static class DataSourceRecording {
    @Bean
    static DataSourceRecorder queryLensDataSourceRecorder(ObjectProvider<Recording> recording) {
      return new DataSourceRecorder(recording);
    }
  }
}
