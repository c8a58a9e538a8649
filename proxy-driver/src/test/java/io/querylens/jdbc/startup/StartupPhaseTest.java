package io.querylens.jdbc.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.Phase;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.report.ConsoleReport;
import io.querylens.jdbc.QueryLensDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Start-up under the real runners: Spring's {@code ResourceDatabasePopulator} running a schema and
 * a seed script while an application context is refreshed, and Hibernate's schema tool creating its
 * tables and running its import script. Their findings are start-up findings at the runner's frame,
 * ranked after the application's, and their time stays out of the headline figures.
 */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class StartupPhaseTest {
  static {
    // Hibernate logs through JBoss Logging: send it to SLF4J and keep it to warnings
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("org.slf4j.simpleLogger.log.org.hibernate", "warn");
  }

  private Recording recording;

  @BeforeEach
  void setUp() {
    recording =
        Recording.create(
            QueryLensConfig.builder()
                .set(ConfigKey.REPORT_CONSOLE, false)
                .set(ConfigKey.NPLUSONE_THRESHOLD, 3)
                .build());
  }

  private DataSource dataSource(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return QueryLensDataSource.wrap(h2, recording);
  }

  /** Spring's SQL initialisation as an application context starts. */
  private static void springInitialises(DataSource dataSource) {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.registerBean(
          DataSourceInitializer.class,
          () -> {
            DataSourceInitializer initializer = new DataSourceInitializer();
            initializer.setDataSource(dataSource);
            initializer.setDatabasePopulator(
                new ResourceDatabasePopulator(
                    new ClassPathResource("startup/schema.sql"),
                    new ClassPathResource("startup/data.sql")));
            return initializer;
          });
      context.refresh();
    }
  }

  /** A request's n-plus-one over JdbcTemplate: the owners, then each one's pets. */
  private void ownersWithPets(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (UnitOfWork unit = recording.unitOfWork("GET /owners")) {
      for (Long id : jdbc.queryForList("select id from startup_owner order by id", Long.class)) {
        jdbc.queryForList("select name from startup_pet where owner_id = ?", String.class, id);
      }
    }
  }

  @Test
  void springsSeedScriptIsAStartUpFindingAtTheScriptRunnerAfterTheRequestsNPlusOne() {
    DataSource dataSource = dataSource("startup-spring");
    springInitialises(dataSource);
    ownersWithPets(dataSource);

    QueryLensSnapshot s = recording.snapshot();
    List<Finding> findings = s.findings();
    assertThat(findings).hasSize(3);
    Finding first = findings.get(0);
    assertThat(first.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
    assertThat(first.phase()).isEqualTo(Phase.RUNTIME);
    assertThat(first.callSite()).startsWith(StartupPhaseTest.class.getName() + ".ownersWithPets(");
    assertThat(findings.subList(1, 3))
        .as("the seed script's inserts into both tables")
        .allSatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.CHATTY_WRITES);
              assertThat(f.phase()).isEqualTo(Phase.STARTUP);
              assertThat(f.callSite())
                  .startsWith(
                      "org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(");
              assertThat(f.hint()).startsWith("a start-up data script: it runs once per start");
            });

    assertThat(s.units()).extracting(UnitSnapshot::name).containsExactly("GET /owners");
    assertThat(s.units().get(0).executions()).isEqualTo(1 + 6);
    assertThat(s.startupUnits().stream().mapToLong(UnitSnapshot::executions).sum())
        .as("the schema script's 4 statements and the seed script's 18")
        .isEqualTo(4 + 18);
    assertThat(s.startupTime().wastedRoundTripNanos()).isPositive();
    assertThat(s.time().wastedRoundTripNanos())
        .as("only the n-plus-one's waste")
        .isEqualTo(first.wastedNanos());
    assertThat(s.shapes())
        .filteredOn(shape -> shape.shape().isDdl())
        .extracting(shape -> shape.shape().operation())
        .containsOnly("CREATE", "DROP")
        .hasSize(4);

    String console = ConsoleReport.render(s, 10);
    assertThat(console)
        .contains("\nFindings: 1 (most wasted time first)\n")
        .contains("\nStart-up findings: 2 ")
        .containsPattern(
            "\nDDL \\(schema statements\\): 4 shapes \\((CREATE 2, DROP 2|DROP 2, CREATE 2)\\)");
    assertThat(console.indexOf("n-plus-one")).isLessThan(console.indexOf("chatty-writes"));
  }

  @Test
  void hibernatesSchemaToolAndImportScriptAreStartUp() {
    DataSource dataSource = dataSource("startup-hibernate");
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.datasource", dataSource)
            .applySetting("hibernate.hbm2ddl.auto", "create")
            .applySetting("jakarta.persistence.sql-load-script-source", "startup/items.sql")
            .build();
    try (SessionFactory sessions =
        new MetadataSources(registry)
            .addAnnotatedClass(StartupItem.class)
            .buildMetadata()
            .buildSessionFactory()) {
      try (UnitOfWork unit = recording.unitOfWork("list items")) {
        List<StartupItem> items =
            sessions.fromSession(
                session ->
                    session.createSelectionQuery("from StartupItem", StartupItem.class).list());
        assertThat(items).hasSize(5);
      }
    }

    QueryLensSnapshot s = recording.snapshot();
    assertThat(s.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.CHATTY_WRITES);
              assertThat(f.phase()).isEqualTo(Phase.STARTUP);
              assertThat(f.callSite()).startsWith("org.hibernate.tool.schema.");
            });
    assertThat(s.units()).extracting(UnitSnapshot::name).containsExactly("list items");
    long startupExecutions = s.startupUnits().stream().mapToLong(UnitSnapshot::executions).sum();
    long ddlExecutions =
        s.shapes().stream()
            .filter(shape -> shape.shape().isDdl())
            .mapToLong(ShapeSnapshot::count)
            .sum();
    assertThat(ddlExecutions).as("the schema tool's drops and creates").isPositive();
    assertThat(startupExecutions).as("its DDL and the 5 inserts").isEqualTo(ddlExecutions + 5);
  }
}
