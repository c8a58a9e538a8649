package io.querylens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries: each module's main classes reach another module only through that module's
 * declared API, never its {@code internal} packages; core's renderers depend on the engine and not
 * the reverse; core knows nothing of JDBC proxies, OpenTelemetry or Byte Buddy; the proxy driver
 * and the exporter do not know each other. Reads each module's {@code target/classes}.
 */
class ModuleBoundariesTest {
  /** Modules whose main classes are checked, by directory. */
  private static final String[] MODULES = {
    "core",
    "proxy-driver",
    "exporter",
    "agent",
    "jdbc-testing",
    "examples",
    "junit",
    "spring-boot-starter",
    "benchmarks"
  };

  private static final Map<String, JavaClasses> classesByModule = new LinkedHashMap<>();

  @BeforeAll
  static void importModules() {
    Path root = Path.of(System.getProperty("querylens.reactor-root", ".."));
    for (String module : MODULES) {
      Path classes = root.resolve(module).resolve("target/classes");
      assertTrue(
          Files.isDirectory(classes),
          () ->
              classes + " is missing: build the module before this check (mvn verify builds all)");
      classesByModule.put(module, new ClassFileImporter().importPath(classes));
    }
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternalPackages() {
    for (Map.Entry<String, JavaClasses> module : classesByModule.entrySet()) {
      String[] foreignInternals = internalPackagesOutside(module.getKey());
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(foreignInternals)
          .because(
              module.getKey()
                  + " may use another module only through its API, never its internal packages")
          .check(module.getValue());
    }
  }

  @Test
  void theEngineDoesNotDependOnItsRenderers() {
    noClasses()
        .that()
        .resideInAnyPackage("io.querylens.core.internal..", "io.querylens.core.intercept..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.querylens.core.report..")
        .because("reports render snapshots; the engine must not know them")
        .check(classesByModule.get("core"));
  }

  @Test
  void coreValuesDoNotDependOnInternals() {
    noClasses()
        .that()
        .resideInAPackage("io.querylens.core")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.querylens.core.internal..")
        .because("the public values are the API; internals stay behind them")
        .check(classesByModule.get("core"));
  }

  @Test
  void coreKnowsNoProxiesOpenTelemetryOrByteBuddy() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.opentelemetry..", "net.bytebuddy..", "net.ttddyy..", "io.querylens.jdbc..")
        .because("core is the model; interception and export live in their own modules")
        .check(classesByModule.get("core"));
  }

  @Test
  void theProxyDriverAndTheExporterDoNotKnowEachOther() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.querylens.exporter..")
        .check(classesByModule.get("proxy-driver"));
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.querylens.jdbc..", "io.querylens")
        .check(classesByModule.get("exporter"));
  }

  /** Every {@code internal} package (and its subpackages) of the modules other than {@code own}. */
  private static String[] internalPackagesOutside(String own) {
    Set<String> packages = new TreeSet<>();
    classesByModule.forEach(
        (module, classes) -> {
          if (!module.equals(own)) {
            for (JavaClass c : classes) {
              String p = c.getPackageName();
              int at = p.indexOf(".internal");
              if (at >= 0) {
                packages.add(p.substring(0, at) + ".internal..");
              }
            }
          }
        });
    return packages.toArray(String[]::new);
  }
}
