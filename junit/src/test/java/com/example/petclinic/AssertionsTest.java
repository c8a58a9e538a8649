package com.example.petclinic;

import static io.querylens.junit.QueryLensAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.junit.QueryLensRecording;
import io.querylens.junit.QueryLensTest;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The assertion API, on the recording the extension hands each test. */
@QueryLensTest
class AssertionsTest {
  static Clinic clinic;

  @BeforeAll
  static void open() throws SQLException {
    clinic = Clinic.wrapped("assertions");
  }

  @BeforeEach
  void setUp() throws SQLException {
    clinic.counted("pets", 2); // before the test: not part of its recording
  }

  @Test
  void theJoinPassesAndRanOnce(QueryLensRecording recording) throws SQLException {
    clinic.petNamesJoined();

    assertThat(recording)
        .hasNoNPlusOne()
        .hasNoDuplicateQueries()
        .hasAtMostQueries(1)
        .executed("SELECT p.name FROM owners o JOIN pets p ON p.owner_id = o.id ORDER BY o.id")
        .times(1)
        .executed("select count(*) from pets")
        .never();
    assertThat(recording.executions()).hasSize(1);
    assertThat(recording.unitName()).isEqualTo("AssertionsTest.theJoinPassesAndRanOnce()");
  }

  @Test
  void anNPlusOneFailsHasNoNPlusOne(QueryLensRecording recording) throws SQLException {
    clinic.petNamesOneByOne();

    assertThatThrownBy(() -> assertThat(recording).hasNoNPlusOne())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith(
            "hasNoNPlusOne(): 1 n-plus-one finding in unit"
                + " AssertionsTest.anNPlusOneFailsHasNoNPlusOne()")
        .hasMessageContaining("n-plus-one: select name from pets where owner_id = ?")
        .hasMessageContaining(
            "from the test at com.example.petclinic.AssertionsTest.anNPlusOneFailsHasNoNPlusOne(");
    assertThat(recording.findings()).hasSize(1);
  }

  @Test
  void executedMatchesTheShapeWhateverTheLiterals(QueryLensRecording recording)
      throws SQLException {
    clinic.petNamesOneByOne();

    assertThat(recording).executed("select name from pets where owner_id = 7").times(10);
    assertThatThrownBy(
            () ->
                assertThat(recording).executed("select name from pets where owner_id = 7").times(1))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith(
            "executed(\"select name from pets where owner_id = ?\") ran 10 times, expected 1, in"
                + " unit AssertionsTest.executedMatchesTheShapeWhateverTheLiterals()")
        .hasMessageContaining("\n   1  select id from owners order by id  [10 rows]")
        .hasMessageContaining("\n  *2-11  select name from pets where owner_id = ?  x10");
    assertThat(recording)
        .executed("select id from owners") // another shape than "... order by id"
        .never()
        .executed("select id from owners order by id")
        .atMost(1);
    assertThatThrownBy(
            () -> assertThat(recording).executed("select id from owners order by id").atMost(0))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("ran 1 times, at most 0 allowed");
  }

  @Test
  void hasAtMostQueriesCountsEveryStatement(QueryLensRecording recording) throws SQLException {
    clinic.counted("owners", 2);

    assertThat(recording).hasAtMostQueries(2);
    assertThatThrownBy(() -> assertThat(recording).hasAtMostQueries(1))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("@MaxQueries(1): 2 statements ran, 1 allowed");
  }
}
