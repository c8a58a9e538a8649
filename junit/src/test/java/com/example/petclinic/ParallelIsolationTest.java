package com.example.petclinic;

import static io.querylens.junit.QueryLensAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.junit.NoNPlusOne;
import io.querylens.junit.QueryLensRecording;
import io.querylens.junit.QueryLensTest;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests running at the same time in JUnit's concurrent mode each see only their own thread's
 * executions and findings: three N+1 tests fail, three clean tests beside them pass with exact
 * counts.
 */
class ParallelIsolationTest {

  @Test
  void concurrentTestsNeverMix() {
    Map<String, Throwable> outcomes =
        Fixtures.run(
            Concurrent.class,
            "junit.jupiter.execution.parallel.enabled",
            "true",
            "junit.jupiter.execution.parallel.mode.default",
            "concurrent",
            "junit.jupiter.execution.parallel.config.strategy",
            "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism",
            "6");

    assertThat(Concurrent.mostAtOnce.get()).isGreaterThan(1);
    assertThat(outcomes).hasSize(6);
    for (String clean :
        new String[] {
          "counts1(QueryLensRecording)",
          "counts2(QueryLensRecording)",
          "counts3(QueryLensRecording)"
        }) {
      assertThat(outcomes.get(clean)).as(clean).isSameAs(Fixtures.PASSED);
    }
    for (String nPlusOne : new String[] {"nPlusOneA()", "nPlusOneB()", "nPlusOneC()"}) {
      assertThat(outcomes.get(nPlusOne).getMessage())
          .as(nPlusOne)
          .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Concurrent." + nPlusOne)
          .contains("executed 10 times in this test")
          .contains("executions in order (11):") // not one of the other tests' statements
          .doesNotContain("count(*)");
    }
  }

  /** Six tests meant to run at once; each waits for the others before it queries. */
  @QueryLensTest
  @NoNPlusOne
  static class Concurrent {
    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    static final CountDownLatch started = new CountDownLatch(6);
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.wrapped("parallel");
    }

    @Test
    void nPlusOneA() throws Exception {
      together(clinic::petNamesOneByOne);
    }

    @Test
    void nPlusOneB() throws Exception {
      together(clinic::petNamesOneByOne);
    }

    @Test
    void nPlusOneC() throws Exception {
      together(clinic::petNamesOneByOne);
    }

    @Test
    void counts1(QueryLensRecording recording) throws Exception {
      countsAlone(recording, 1);
    }

    @Test
    void counts2(QueryLensRecording recording) throws Exception {
      countsAlone(recording, 2);
    }

    @Test
    void counts3(QueryLensRecording recording) throws Exception {
      countsAlone(recording, 3);
    }

    /** Runs {@code select count(*) from owners} {@code times} times, each after a short pause. */
    private static void countsAlone(QueryLensRecording recording, int times) throws Exception {
      together(
          () -> {
            for (int i = 0; i < times; i++) {
              Thread.sleep(5);
              clinic.counted("owners", 1);
            }
            return null;
          });
      assertThat(recording).executed("select count(*) from owners").times(times);
      assertThat(recording.executions()).hasSize(times);
      assertThat(recording.findings()).isEmpty();
    }

    /** Runs {@code work} once the other tests have started too (or after a few seconds). */
    private static void together(Work work) throws Exception {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        started.countDown();
        started.await(5, TimeUnit.SECONDS);
        work.run();
      } finally {
        running.decrementAndGet();
      }
    }

    @FunctionalInterface
    interface Work {
      Object run() throws SQLException, InterruptedException;
    }
  }
}
