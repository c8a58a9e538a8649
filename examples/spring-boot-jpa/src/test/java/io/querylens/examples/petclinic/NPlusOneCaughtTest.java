package io.querylens.examples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves the guard: {@link OwnersEndpointTest}, run with {@code petclinic.fix-n-plus-one=false} (a
 * system property, over {@code application.properties}), fails on the N+1 with a message naming the
 * finding, the repeated shape, the parent query, the application's line and the test's. The message
 * is kept in {@code target/n-plus-one-failure.txt}, and must be the one docs/spring-boot-example.md
 * quotes. And {@link OwnerJdbcTest.PetsOwnerByOwner}, a {@code JdbcTemplate} lookup per owner in a
 * {@code @JdbcTest}, fails on its N+1 at its own line (run here, outside a Spring test transaction,
 * since Spring's test transactions are bound to the thread).
 */
class NPlusOneCaughtTest {
  private static final String FIX = "petclinic.fix-n-plus-one";
  private static final Path MESSAGE = Path.of("target", "n-plus-one-failure.txt");
  private static final Path DOCS = Path.of("../../docs/spring-boot-example.md");
  private static final Path MAIN = Path.of("src/main/java/io/querylens/examples/petclinic");
  private static final Path TEST = Path.of("src/test/java/io/querylens/examples/petclinic");

  @Test
  void theEndpointTestFailsOnTheNPlusOneWhenTheFixIsOff() throws IOException {
    String message = failureOfTheEndpointTestWithoutTheFix();
    Files.createDirectories(MESSAGE.getParent());
    Files.writeString(MESSAGE, message + "\n");

    assertThat(message)
        .startsWith(
            "@NoNPlusOne: 1 n-plus-one finding in unit"
                + " OwnersEndpointTest.listsEveryOwnerWithTheirPets()")
        .contains(
            "n-plus-one: select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0"
                + " where p1_0.owner_id=? order by p1_0.name")
        .contains("executed 10 times in this test")
        .contains("parent: select o1_0.id,o1_0.name from owner o1_0 order by o1_0.id (10 rows)")
        .contains("at io.querylens.examples.petclinic.OwnerDirectory.view(OwnerDirectory.java:")
        .contains(
            "from the test at io.querylens.examples.petclinic.OwnersEndpointTest"
                + ".listsEveryOwnerWithTheirPets(OwnersEndpointTest.java:")
        .contains("hint: load these rows together with the parent query")
        .contains("executions in order (11):");
    assertThat(sourceLineOfTheCallSite(message, "OwnerDirectory", MAIN))
        .contains("owner.getPets()");
    assertThat(Files.readString(DOCS)).as("the message quoted in %s", DOCS).contains(message);
  }

  @Test
  void aJdbcTemplateLookupPerOwnerFailsNoNPlusOneAtItsLine() throws IOException {
    String message = failureOf(OwnerJdbcTest.PetsOwnerByOwner.class);

    assertThat(message)
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit PetsOwnerByOwner.petsOfEachOwner()")
        .contains("n-plus-one: " + OwnerJdbcTest.PETS_OF_OWNER)
        .contains("executed 10 times in this test")
        .contains("parent: select id from owner order by id (10 rows)")
        .contains(
            "at io.querylens.examples.petclinic.OwnerJdbcTest$PetsOwnerByOwner.petsOfEachOwner(")
        .contains("hint: load these rows together with the parent query")
        .contains("executions in order (11):");
    assertThat(sourceLineOfTheCallSite(message, "OwnerJdbcTest", TEST))
        .contains("jdbc.queryForList(PETS_OF_OWNER");
  }

  /** The line of {@code source}'s {@code file}.java the message names as the call site. */
  private static String sourceLineOfTheCallSite(String message, String file, Path source)
      throws IOException {
    Matcher at = Pattern.compile("\\n  at .*\\(" + file + "\\.java:(\\d+)\\)").matcher(message);
    assertThat(at.find()).as("call site in %s", message).isTrue();
    List<String> lines = Files.readAllLines(source.resolve(file + ".java"));
    return lines.get(Integer.parseInt(at.group(1)) - 1);
  }

  private static String failureOfTheEndpointTestWithoutTheFix() {
    System.setProperty(FIX, "false");
    try {
      return failureOf(OwnersEndpointTest.class);
    } finally {
      System.clearProperty(FIX);
    }
  }

  /** The message of the one test of {@code fixture} that fails, run as a build would. */
  private static String failureOf(Class<?> fixture) {
    List<Event> failed =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(fixture))
            .execute()
            .testEvents()
            .failed()
            .list();
    assertThat(failed).hasSize(1);
    return failed
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow()
        .getMessage();
  }
}
