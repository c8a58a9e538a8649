package io.querylens.agent.internal;

import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.LogLevel;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.lang.instrument.Instrumentation;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the agent's configuration, installs the JVM-wide recording and instruments every {@link
 * DataSource} and {@link Driver} implementation, and every servlet and servlet filter as a source
 * of units of work (on a dynamic attach, those already loaded too). Never throws: a failure is
 * logged and the application starts without QueryLens.
 */
public final class AgentInstaller {
  private static boolean installed;

  private AgentInstaller() {}

  /**
   * Installs the agent once per JVM; {@code attached} tells a dynamic attach from {@code
   * -javaagent}.
   */
  public static synchronized void install(
      String args, Instrumentation instrumentation, boolean attached) {
    try {
      if (installed) {
        AgentLog.logger.info("QueryLens agent already installed; arguments \"{}\" ignored", args);
        return;
      }
      installed = true;
      List<String> problems = new ArrayList<>();
      Map<String, String> overrides = AgentArguments.parse(args, problems);
      StderrLogger.setLevel(earlyLevel(overrides));
      for (String problem : problems) {
        AgentLog.logger.warn("QueryLens configuration: {}", problem);
      }
      // reports unknown keys and bad values itself, then falls back to the defaults
      QueryLensConfig config =
          QueryLensConfig.from(overrides, System.getProperties(), System.getenv());
      StderrLogger.setLevel(config.logLevel());
      Recording recording = Recording.installGlobal(config);
      if (recording.config() != config) {
        AgentLog.logger.warn(
            "QueryLens was already recording when the agent started; its configuration ({}) stays",
            recording.config());
      }
      if (!config.enabled()) {
        AgentLog.logger.info("QueryLens agent: querylens.enabled=false, nothing instrumented");
        return;
      }
      // before any rewritten method runs: the request being served names the unit of work
      recording.addUnitOfWorkSource(ServletRequests.source());
      long start = System.nanoTime();
      instrument(instrumentation, attached);
      AgentLog.logger.debug(
          "QueryLens agent: instrumentation installed in {} ms",
          (System.nanoTime() - start) / 1_000_000);
      AgentLog.logger.info(
          "QueryLens agent {} ({})",
          attached ? "attached" : "started",
          attached ? "DataSources and Drivers already loaded were retransformed" : "premain");
    } catch (Throwable t) {
      try {
        AgentLog.logger.error(
            "QueryLens agent failed to start; the application runs without it", t);
      } catch (Throwable ignored) {
        System.err.println("[QueryLens] ERROR agent failed to start: " + t);
      }
    }
  }

  /**
   * The level to log at while the configuration is read: the argument (without, then with the
   * {@code querylens.} prefix), else the system property, else the environment variable, else the
   * default; a bad value is reported by {@link QueryLensConfig#from} and left at the default.
   */
  private static LogLevel earlyLevel(Map<String, String> overrides) {
    String key = ConfigKey.LOG_LEVEL.key();
    String level = overrides.get(key.substring(key.indexOf('.') + 1));
    if (level == null) {
      level = overrides.get(key);
    }
    if (level == null) {
      level = System.getProperty(key);
    }
    if (level == null) {
      level = System.getenv(ConfigKey.LOG_LEVEL.envName());
    }
    try {
      return level == null ? ConfigKey.LOG_LEVEL.defaultValue() : ConfigKey.LOG_LEVEL.parse(level);
    } catch (IllegalArgumentException e) {
      return ConfigKey.LOG_LEVEL.defaultValue();
    }
  }

  /**
   * Adds the transformer that rewrites DataSources, Drivers, servlets and filters as they load; on
   * a dynamic attach, also retransforms those already loaded, one at a time, so that one class that
   * cannot be retransformed leaves the others instrumented.
   */
  private static void instrument(Instrumentation instrumentation, boolean attached) {
    instrumentation.addTransformer(new AgentTransformer(), attached);
    if (!attached) {
      return;
    }
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      try {
        if (!type.isInterface()
            && !type.isArray()
            && CandidateFilter.mayHaveRoles(type)
            && instrumentation.isModifiableClass(type)) {
          instrumentation.retransformClasses(type);
        }
      } catch (Throwable t) {
        Faults.report("agent retransform", t);
      }
    }
  }
}
