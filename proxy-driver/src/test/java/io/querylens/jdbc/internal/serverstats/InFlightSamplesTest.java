package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.WaitCategory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InFlightSamplesTest {
  private final InFlightSamples samples = new InFlightSamples();

  @Test
  void anEndedStatementGivesItsSamples() {
    samples.running(7, 100, WaitCategory.LOCK);
    samples.running(7, 100, WaitCategory.LOCK);
    samples.running(7, 100, WaitCategory.CPU);

    assertThat(samples.ended(7, 100)).containsExactly(1, 2, 0, 0);
    assertThat(samples.ended(7, 100)).as("given once").isNull();
    assertThat(samples.takeMovedOn()).isEmpty();
  }

  @Test
  void aThreadSeenAtItsNextStatementHasMovedOnOnce() {
    samples.running(7, 100, WaitCategory.LOCK);
    samples.running(8, 200, WaitCategory.CPU);
    assertThat(samples.ended(7, 101)).isNull();
    samples.running(8, 201, WaitCategory.CPU);

    List<InFlightSamples.Held> moved = samples.takeMovedOn();
    assertThat(moved).extracting(InFlightSamples.Held::thread).containsExactly(7L, 8L);
    assertThat(moved).extracting(InFlightSamples.Held::event).containsExactly(100L, 200L);
    assertThat(moved.get(0).counts()).containsExactly(0, 1, 0, 0);
    assertThat(samples.takeMovedOn()).isEmpty();
  }

  @Test
  void aThreadNotSeenLosesItsSamples() {
    samples.running(7, 100, WaitCategory.LOCK);
    samples.keepOnly(Set.of(8L));

    assertThat(samples.ended(7, 100)).isNull();
    assertThat(samples.takeMovedOn()).isEmpty();
  }
}
