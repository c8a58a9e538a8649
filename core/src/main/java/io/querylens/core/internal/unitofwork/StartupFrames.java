package io.querylens.core.internal.unitofwork;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the frames of a stack that mean start-up ({@link io.querylens.core.Phase#STARTUP}), judged
 * per class and cached ({@link ClassValue}):
 *
 * <ul>
 *   <li><b>script runners</b>: a library class whose name reads as one that runs schema or data
 *       scripts, migrations or an ORM's schema tool. Judged by the words of the simple name, so
 *       that runners QueryLens was never told about count as well: {@code Script} with {@code Sql},
 *       {@code Utils}, {@code Runner}, {@code Executor} or {@code Database} (Spring's {@code
 *       ScriptUtils} and {@code DataSourceScriptDatabaseInitializer}, MyBatis's {@code
 *       ScriptRunner}, Flyway's {@code DefaultSqlScriptExecutor}; not Groovy's {@code
 *       ScriptBytecodeAdapter}), {@code Migrat...} (Flyway's {@code DbMigrate}, Hibernate's schema
 *       migrator), {@code DatabasePopulator} or {@code RepositoryPopulator}, {@code ChangeSet} or
 *       {@code ChangeLog} (Liquibase), and {@code Schema} followed by {@code Creator}, {@code
 *       Dropper}, {@code Truncator}, {@code Migrator}, {@code Export}, {@code Update}, {@code
 *       Validator} or {@code Manag...} (Hibernate's schema tools, EclipseLink's schema manager).
 *       The application's own classes are never runners: its code is its call site;
 *   <li><b>framework start-up</b>: a method that starts a framework, judged by the type that
 *       declares it: {@code refresh} of a Spring {@code ConfigurableApplicationContext}, {@code
 *       contextInitialized} of a servlet context listener, {@code onStartup} of a servlet container
 *       initializer or Spring's {@code WebApplicationInitializer}, {@code init} of a servlet or
 *       filter, {@code start} of a Quarkus {@code Application} or a Micronaut {@code
 *       ApplicationContext}. Spring Boot's runners ({@code CommandLineRunner}, {@code
 *       ApplicationRunner}) run after the context is refreshed and are the application's own work
 *       (a batch job runs there): not start-up.
 * </ul>
 */
final class StartupFrames {
  /** A type whose {@code method} starts a framework. */
  private record Bootstrap(String type, String method) {}

  private static final List<Bootstrap> BOOTSTRAPS =
      List.of(
          new Bootstrap("org.springframework.context.ConfigurableApplicationContext", "refresh"),
          new Bootstrap("jakarta.servlet.ServletContextListener", "contextInitialized"),
          new Bootstrap("javax.servlet.ServletContextListener", "contextInitialized"),
          new Bootstrap("jakarta.servlet.ServletContainerInitializer", "onStartup"),
          new Bootstrap("javax.servlet.ServletContainerInitializer", "onStartup"),
          new Bootstrap("org.springframework.web.WebApplicationInitializer", "onStartup"),
          new Bootstrap("jakarta.servlet.Servlet", "init"),
          new Bootstrap("javax.servlet.Servlet", "init"),
          new Bootstrap("jakarta.servlet.Filter", "init"),
          new Bootstrap("javax.servlet.Filter", "init"),
          new Bootstrap("io.quarkus.runtime.Application", "start"),
          new Bootstrap("io.micronaut.context.ApplicationContext", "start"));

  private static final String[] SCHEMA_TOOLS = {
    "Creator", "Dropper", "Truncator", "Migrator", "Export", "Update", "Validator", "Manag"
  };

  private static final String[] NO_METHODS = new String[0];

  /** What one class is to start-up: a script runner, and the methods of it that start one. */
  private record Kind(boolean scriptRunner, String[] bootstrapMethods) {}

  private static final Kind NOTHING = new Kind(false, NO_METHODS);

  private static final ClassValue<Kind> kinds =
      new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
          return kindOf(type);
        }
      };

  private StartupFrames() {}

  /** Whether {@code type} is a library class that runs schema or data scripts. */
  static boolean isScriptRunner(Class<?> type) {
    return kinds.get(type).scriptRunner;
  }

  /** Whether {@code method} of {@code type} starts a framework. */
  static boolean isBootstrap(Class<?> type, String method) {
    for (String m : kinds.get(type).bootstrapMethods) {
      if (m.equals(method)) {
        return true;
      }
    }
    return false;
  }

  private static Kind kindOf(Class<?> type) {
    boolean script =
        CallSites.origin(type) == CallSites.LIBRARY
            && CallSites.location(type) != null // not the JDK
            && isScriptRunnerName(simpleName(type.getName()));
    String[] methods = bootstrapMethods(type);
    return !script && methods.length == 0 ? NOTHING : new Kind(script, methods);
  }

  /** The part of a binary class name after its package: {@code Outer$Inner}. */
  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Whether a class's simple name reads as a script, migration or schema tool runner. */
  static boolean isScriptRunnerName(String name) {
    if (name.contains("Script")
        && (name.contains("Sql")
            || name.contains("Utils")
            || name.contains("Runner")
            || name.contains("Executor")
            || name.contains("Database"))) {
      return true;
    }
    if (name.contains("Migrat")
        || name.contains("DatabasePopulator")
        || name.contains("RepositoryPopulator")
        || name.contains("ChangeSet")
        || name.contains("ChangeLog")
        || name.contains("Changelog")) {
      return true;
    }
    for (int at = name.indexOf("Schema"); at >= 0; at = name.indexOf("Schema", at + 1)) {
      for (String tool : SCHEMA_TOOLS) {
        if (name.startsWith(tool, at + "Schema".length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The start-up methods of {@code type}, from the types it extends or implements. */
  private static String[] bootstrapMethods(Class<?> type) {
    Set<String> names = new HashSet<>();
    collectTypeNames(type, names);
    List<String> methods = new ArrayList<>(1);
    for (Bootstrap b : BOOTSTRAPS) {
      if (names.contains(b.type()) && !methods.contains(b.method())) {
        methods.add(b.method());
      }
    }
    return methods.isEmpty() ? NO_METHODS : methods.toArray(new String[0]);
  }

  /** The names of {@code type} and of everything it extends or implements, by name only. */
  private static void collectTypeNames(Class<?> type, Set<String> names) {
    if (type == null || !names.add(type.getName())) {
      return;
    }
    collectTypeNames(type.getSuperclass(), names);
    for (Class<?> i : type.getInterfaces()) {
      collectTypeNames(i, names);
    }
  }
}
