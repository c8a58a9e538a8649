package io.querylens.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<String> messages = new ArrayList<>();
  private final List<Throwable> thrown = new ArrayList<>();

  @BeforeEach
  void install() {
    Faults.reset();
    Faults.setClock(now::get);
    Faults.setSink(
        (message, t) -> {
          messages.add(message);
          thrown.add(t);
        });
  }

  @AfterEach
  void restore() {
    Faults.reset();
  }

  private void advanceSeconds(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void everyReportIsCountedAndResetClearsTheCount() {
    for (int i = 0; i < 5; i++) {
      Faults.report("a", new IllegalStateException("boom"));
    }
    assertThat(Faults.count()).isEqualTo(5);
    Faults.reset();
    assertThat(Faults.count()).isZero();
  }

  @Test
  void firstFaultOfAPlaceIsLoggedWithItsThrowable() {
    IllegalStateException boom = new IllegalStateException("boom");
    Faults.report("statement.execute", boom);
    assertThat(messages)
        .singleElement()
        .asString()
        .startsWith(
            "QueryLens internal fault in statement.execute: java.lang.IllegalStateException: boom")
        .contains("0 more here suppressed");
    assertThat(thrown).containsExactly(boom);
  }

  @Test
  void logsAtMostOnceAMinutePerPlaceAndCountsTheSuppressed() {
    Faults.report("a", new RuntimeException("1"));
    Faults.report("a", new RuntimeException("2"));
    advanceSeconds(59);
    Faults.report("a", new RuntimeException("3"));
    assertThat(messages).hasSize(1);

    advanceSeconds(1);
    Faults.report("a", new RuntimeException("4"));
    assertThat(messages).hasSize(2);
    assertThat(messages.get(1))
        .contains("RuntimeException: 4")
        .contains("2 more here suppressed since the last such message; 4 in total");

    Faults.report("a", new RuntimeException("5"));
    assertThat(messages).hasSize(2);
    assertThat(Faults.count()).isEqualTo(5);
  }

  @Test
  void placesHaveSeparateRateLimits() {
    Faults.report("a", new RuntimeException());
    Faults.report("b", new RuntimeException());
    Faults.report("a", new RuntimeException());
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).contains("fault in a:");
    assertThat(messages.get(1)).contains("fault in b:");
  }

  @Test
  void placesBeyondTheBoundShareOneRateLimit() {
    for (int i = 0; i < Faults.MAX_PLACES; i++) {
      Faults.report("place" + i, null);
    }
    assertThat(messages).hasSize(Faults.MAX_PLACES);
    Faults.report("late1", new RuntimeException());
    Faults.report("late2", new RuntimeException());
    Faults.report("late3", new RuntimeException());
    assertThat(messages).hasSize(Faults.MAX_PLACES + 1);
    assertThat(messages.get(Faults.MAX_PLACES))
        .contains("fault in late1:")
        .contains("for all places beyond the first 256");

    advanceSeconds(60);
    Faults.report("late4", new RuntimeException());
    assertThat(messages.get(messages.size() - 1))
        .contains("fault in late4:")
        .contains("2 more in other places suppressed");
  }

  @Test
  void neverThrowsWhenLoggingThrows() {
    Faults.setSink(
        (message, t) -> {
          throw new IllegalStateException("appender broken");
        });
    assertThatCode(() -> Faults.report("a", new RuntimeException())).doesNotThrowAnyException();
    Faults.setSink(
        (message, t) -> {
          throw new StackOverflowError();
        });
    assertThatCode(() -> Faults.report("b", new RuntimeException())).doesNotThrowAnyException();
    assertThat(Faults.count()).isEqualTo(2);
  }

  @Test
  void neverThrowsWhenTheThrowableMisbehaves() {
    RuntimeException nasty =
        new RuntimeException() {
          @Override
          public String toString() {
            throw new UnsupportedOperationException("no toString for you");
          }
        };
    assertThatCode(() -> Faults.report("a", nasty)).doesNotThrowAnyException();
    assertThat(Faults.count()).isEqualTo(1);
  }

  @Test
  void faultRaisedWhileLoggingIsCountedButNotLogged() {
    Faults.setSink(
        (message, t) -> {
          messages.add(message);
          Faults.report("inside.logging", new RuntimeException("nested"));
        });
    Faults.report("a", new RuntimeException());
    assertThat(messages).hasSize(1);
    assertThat(Faults.count()).isEqualTo(2);
  }

  @Test
  void nullPlaceAndThrowableAreAccepted() {
    Faults.report(null, null);
    assertThat(messages)
        .singleElement()
        .asString()
        .startsWith("QueryLens internal fault in unknown (");
  }

  @Test
  void defaultSinkLogsThroughSlf4jWithoutThrowing() {
    Faults.reset(); // the real logger and clock
    RuntimeException noStack = new RuntimeException("expected in this test", null, false, false) {};
    assertThatCode(() -> Faults.report("test.defaultSink", noStack)).doesNotThrowAnyException();
    assertThat(Faults.count()).isEqualTo(1);
  }
}
