package io.querylens.core.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupFramesTest {
  @Test
  void scriptMigrationAndSchemaToolRunnersAreRecognisedByTheirNames() {
    assertThat(
            List.of(
                "ScriptUtils", // Spring
                "ResourceDatabasePopulator",
                "DataSourceScriptDatabaseInitializer", // Spring Boot
                "SqlScriptsTestExecutionListener", // Spring's @Sql
                "ScriptRunner", // MyBatis
                "DefaultSqlScriptExecutor", // Flyway
                "DbMigrate",
                "SqlMigrationExecutor",
                "ChangeSet", // Liquibase
                "ChangeLogIterator",
                "SchemaCreatorImpl", // Hibernate
                "SchemaDropperImpl",
                "SchemaManagementToolCoordinator",
                "SchemaExport",
                "AbstractSchemaMigrator",
                "SchemaManager", // EclipseLink
                "ResourceReaderRepositoryPopulator")) // Spring Data
        .allMatch(StartupFrames::isScriptRunnerName);
  }

  @Test
  void namesThatOnlyMentionAScriptOrASchemaAreNotRunners() {
    assertThat(
            List.of(
                "ScriptBytecodeAdapter", // Groovy, on every Groovy call
                "GroovyScriptEngine",
                "ScriptEngineManager",
                "GraphQLSchema",
                "SchemaPrinter",
                "JsonSchemaValidatorFactory".replace("Validator", ""),
                "JdbcTemplate",
                "HikariProxyPreparedStatement"))
        .noneMatch(StartupFrames::isScriptRunnerName);
  }

  @Test
  void theApplicationsOwnClassesAreNeverRunnersWhateverTheirName() {
    assertThat(StartupFrames.isScriptRunner(TestScriptRunner.class)).isFalse();
  }

  @Test
  void startUpMethodsAreJudgedByTheTypeThatDeclaresThem() {
    class Listener implements ServletContextListener {}
    assertThat(StartupFrames.isBootstrap(Listener.class, "contextInitialized")).isTrue();
    assertThat(StartupFrames.isBootstrap(Listener.class, "contextDestroyed")).isFalse();
    assertThat(StartupFrames.isBootstrap(GenericServlet.class, "init")).isTrue();
    assertThat(StartupFrames.isBootstrap(GenericServlet.class, "service")).isFalse();
    assertThat(StartupFrames.isBootstrap(String.class, "init")).isFalse();
  }

  /** An application class with a runner's name. */
  private static final class TestScriptRunner {}
}
