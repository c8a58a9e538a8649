package com.example.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.junit.MaxDatabaseTime;
import io.querylens.junit.MaxQueries;
import io.querylens.junit.NoChattyWrites;
import io.querylens.junit.NoDuplicateQueries;
import io.querylens.junit.NoNPlusOne;
import io.querylens.junit.QueryLensTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The budget annotations fail the tests that break them, with messages to fix them from. */
class BudgetAnnotationsTest {
  private static Map<String, Throwable> budgeted;
  private static Map<String, Throwable> inheriting;

  @BeforeAll
  static void runBudgeted() {
    budgeted = Fixtures.run(Budgeted.class);
    inheriting = Fixtures.run(Inheriting.class);
  }

  @Test
  void anNPlusOneFailsNoNPlusOneAndTheJoinPasses() {
    Map<String, Throwable> outcomes = budgeted;

    assertThat(outcomes.get("petsJoined()")).isSameAs(Fixtures.PASSED);
    Throwable failure = outcomes.get("petsOneByOne()");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    assertThat(failure.getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Budgeted.petsOneByOne()")
        .contains("\n\nn-plus-one: select name from pets where owner_id = ?\n  shape ")
        .contains(", executed 10 times in this test\n")
        .contains("\n  parent: select id from owners order by id (10 rows)\n")
        .containsPattern(
            "\n  at com\\.example\\.petclinic\\.Clinic\\.read\\(Clinic\\.java:\\d+\\)\n"
                + "  from the test at com\\.example\\.petclinic\\.BudgetAnnotationsTest\\$Budgeted"
                + "\\.petsOneByOne\\(BudgetAnnotationsTest\\.java:\\d+\\)\n")
        .contains("\n  hint: load these rows together with the parent query")
        .contains("\n\nexecutions in order (11):\n")
        .contains("\n   1  select id from owners order by id  [10 rows]\n")
        .endsWith("\n  *2-11  select name from pets where owner_id = ?  x10  [10 rows]")
        .doesNotContain("owner_id = 1"); // never a bound value
  }

  @Test
  void setUpIsNotPartOfTheTest() {
    // Budgeted's @BeforeEach runs the N+1 before every test: only petsOneByOne() fails
    Map<String, Throwable> outcomes = budgeted;

    assertThat(outcomes.get("petsJoined()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("ownerLookedUpOnce()")).isSameAs(Fixtures.PASSED);
  }

  @Test
  void duplicatesAndChattyWritesFailTheirBudgets() {
    Map<String, Throwable> outcomes = budgeted;

    assertThat(outcomes.get("ownerLookedUpOnce()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("ownerLookedUpFiveTimes()").getMessage())
        .startsWith("@NoDuplicateQueries: 1 duplicate finding in unit")
        .contains("duplicate: select name from owners where id = ?")
        .contains("executed 5 times in this test")
        .contains("from the test at com.example.petclinic.BudgetAnnotationsTest$Budgeted")
        .contains("hint: the same statement ran again with the same parameters");
    assertThat(outcomes.get("renamedInBatch()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("renamedOneByOne()").getMessage())
        .startsWith("@NoChattyWrites: 1 chatty-writes finding in unit")
        .contains("chatty-writes: update owners set name = ? where id = ?")
        .contains("executed 10 times in this test")
        .contains("hint: send the rows in one round trip")
        .contains("\n  *1-10  update owners set name = ? where id = ?  x10  [10 rows]");
  }

  @Test
  void maxQueriesCountsTheStatementsItsFiltersMatch() {
    Map<String, Throwable> outcomes = budgeted;

    Throwable failure = outcomes.get("threeSelectsOfTwoAllowed()");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    AssertionFailedError error = (AssertionFailedError) failure;
    assertThat(error.getExpected().getValue()).isEqualTo(2);
    assertThat(error.getActual().getValue()).isEqualTo(3L);
    assertThat(error.getMessage())
        .startsWith(
            "@MaxQueries(2, operation = \"SELECT\"): 3 matching statements ran, 2 allowed, in unit"
                + " Budgeted.threeSelectsOfTwoAllowed() (matching ones marked *)")
        .endsWith("executions in order (3):\n  *1-3  select count(*) from owners  x3  [3 rows]");
    assertThat(outcomes.get("onePetsQueryAllowedAmongOthers()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("noUpdateAllowed()").getMessage())
        .startsWith("@MaxQueries(0, operation = \"update\"): 1 matching statements ran")
        .contains("\n  *1  update owners set name = ? where id = ?  [10 rows]")
        .contains("\n   2  select count(*) from pets  [1 row]");
  }

  @Test
  void maxDatabaseTimeJudgesTheDatabaseTime() {
    Map<String, Throwable> outcomes = budgeted;

    assertThat(outcomes.get("generousTimeBudget()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("noTimeAllowed()").getMessage())
        .startsWith("@MaxDatabaseTime(\"0ms\"): ")
        .contains(
            " ms in the database in unit Budgeted.noTimeAllowed() (wall-clock budgets are noisy)");
  }

  @Test
  void classBudgetsApplyToEveryTestAndWorkThroughTheUrl() {
    Map<String, Throwable> outcomes = Fixtures.run(ThroughUrl.class);

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get("joined()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("oneByOne()").getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit ThroughUrl.oneByOne()")
        .contains("executed 10 times in this test");
  }

  @Test
  void nestedClassesTakeTheBudgetsOfTheClassesAroundThem() {
    Map<String, Throwable> outcomes = Fixtures.run(Outer.class);

    assertThat(outcomes.get("joined()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("oneByOne()").getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Inner.oneByOne()");
    assertThat(outcomes.get("fourQueries()").getMessage())
        .startsWith("@MaxQueries(3): 4 statements ran, 3 allowed, in unit Inner.fourQueries()");
  }

  @Test
  void budgetsOnASuperclassApplyToItsSubclassesTests() {
    Map<String, Throwable> outcomes = inheriting;

    assertThat(outcomes).hasSize(4);
    assertThat(outcomes.get("oneByOne()").getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Inheriting.oneByOne()")
        .contains(
            "from the test at com.example.petclinic.BudgetAnnotationsTest$Inheriting.oneByOne(");
    assertThat(outcomes.get("fourQueries()").getMessage())
        .startsWith(
            "@MaxQueries(3): 4 statements ran, 3 allowed, in unit Inheriting.fourQueries()");
    assertThat(outcomes.get("fourQueriesOfFiveAllowed()")).isSameAs(Fixtures.PASSED);
  }

  @Test
  void aTestMethodDeclaredInTheSuperclassNamesItsOwnLine() {
    Map<String, Throwable> outcomes = inheriting;

    assertThat(outcomes.get("inheritedOneByOne()").getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Inheriting.inheritedOneByOne()")
        .containsPattern(
            "\n  from the test at com\\.example\\.petclinic\\.BudgetAnnotationsTest\\$BudgetedBase"
                + "\\.inheritedOneByOne\\(BudgetAnnotationsTest\\.java:\\d+\\)\n");
  }

  @Test
  void budgetsComposedIntoAnAnnotationOnAnInterfaceApply() {
    Map<String, Throwable> outcomes = Fixtures.run(Implementing.class);

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get("joined()")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("oneByOne()").getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Implementing.oneByOne()");
    assertThat(outcomes.get("threeQueries()").getMessage())
        .startsWith(
            "@MaxQueries(2): 3 statements ran, 2 allowed, in unit Implementing.threeQueries()");
  }

  /** Budgets on methods, over {@code QueryLens.wrap}. */
  @QueryLensTest
  static class Budgeted {
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.wrapped("budgeted");
    }

    @BeforeEach
    void setUp() throws SQLException {
      clinic.petNamesOneByOne();
    }

    @Test
    @NoNPlusOne
    void petsOneByOne() throws SQLException {
      clinic.petNamesOneByOne();
    }

    @Test
    @NoNPlusOne
    void petsJoined() throws SQLException {
      clinic.petNamesJoined();
    }

    @Test
    @NoDuplicateQueries
    void ownerLookedUpFiveTimes() throws SQLException {
      clinic.ownerLookedUp(5);
    }

    @Test
    @NoDuplicateQueries
    void ownerLookedUpOnce() throws SQLException {
      clinic.ownerLookedUp(1);
    }

    @Test
    @NoChattyWrites
    void renamedOneByOne() throws SQLException {
      clinic.ownersRenamedOneByOne();
    }

    @Test
    @NoChattyWrites
    void renamedInBatch() throws SQLException {
      clinic.ownersRenamedInBatch();
    }

    @Test
    @MaxQueries(value = 2, operation = "SELECT")
    void threeSelectsOfTwoAllowed() throws SQLException {
      clinic.counted("owners", 3);
    }

    @Test
    @MaxQueries(value = 1, shape = "FROM PETS")
    void onePetsQueryAllowedAmongOthers() throws SQLException {
      clinic.counted("owners", 3);
      clinic.counted("pets", 1);
    }

    @Test
    @MaxQueries(value = 0, operation = "update")
    void noUpdateAllowed() throws SQLException {
      clinic.ownersRenamedInBatch();
      clinic.counted("pets", 1);
    }

    @Test
    @MaxDatabaseTime("10s")
    void generousTimeBudget() throws SQLException {
      clinic.counted("pets", 1);
    }

    @Test
    @MaxDatabaseTime("0ms")
    void noTimeAllowed() throws SQLException {
      clinic.counted("pets", 1);
    }
  }

  /** A budget on the class, over the {@code jdbc:querylens:} URL. */
  @QueryLensTest
  @NoNPlusOne
  static class ThroughUrl {
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.throughUrl("through-url");
    }

    @Test
    void oneByOne() throws SQLException {
      clinic.petNamesOneByOne();
    }

    @Test
    void joined() throws SQLException {
      clinic.petNamesJoined();
    }
  }

  /** A class budget reaching a {@code @Nested} class, whose own budget is nearer. */
  @QueryLensTest
  @NoNPlusOne
  @MaxQueries(1)
  static class Outer {
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.wrapped("nested");
    }

    @Nested
    @MaxQueries(3)
    class Inner {
      @Test
      void oneByOne() throws SQLException {
        clinic.petNamesOneByOne();
      }

      @Test
      void joined() throws SQLException {
        clinic.petNamesJoined();
      }

      @Test
      void fourQueries() throws SQLException {
        clinic.counted("owners", 4);
      }
    }
  }

  /** Budgets and the extension on an abstract base class, and a test method declared there. */
  @QueryLensTest
  @NoNPlusOne
  @MaxQueries(3)
  abstract static class BudgetedBase {
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.wrapped("inherited");
    }

    @Test
    void inheritedOneByOne() throws SQLException {
      clinic.petNamesOneByOne();
    }
  }

  /** Takes its budgets from {@link BudgetedBase}; a method's own budget wins. */
  static class Inheriting extends BudgetedBase {
    @Test
    void oneByOne() throws SQLException {
      clinic.petNamesOneByOne();
    }

    @Test
    void fourQueries() throws SQLException {
      clinic.counted("owners", 4);
    }

    @Test
    @MaxQueries(5)
    void fourQueriesOfFiveAllowed() throws SQLException {
      clinic.counted("owners", 4);
    }
  }

  /** Budgets composed into one annotation of a team's own. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @NoNPlusOne
  @MaxQueries(2)
  @interface ClinicBudgets {}

  /** The extension and the composed budgets on an interface the test class implements. */
  @QueryLensTest
  @ClinicBudgets
  interface ClinicContract {}

  static class Implementing implements ClinicContract {
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.wrapped("implementing");
    }

    @Test
    void oneByOne() throws SQLException {
      clinic.petNamesOneByOne();
    }

    @Test
    void joined() throws SQLException {
      clinic.petNamesJoined();
    }

    @Test
    void threeQueries() throws SQLException {
      clinic.counted("owners", 3);
    }
  }
}
