package io.querylens.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.DistributionSnapshot;
import org.junit.jupiter.api.Test;

class ConnectionStatsTest {
  @Test
  void recordsAcquireHoldAndAcquireErrors() {
    ConnectionStats stats = new ConnectionStats();
    stats.recordAcquire(2_000);
    stats.recordAcquire(4_000);
    stats.recordAcquireFailure();
    stats.recordConnect(300_000);
    stats.recordHold(1_000_000);
    stats.recordHold(-3); // a clock step counts as zero

    ConnectionSnapshot s = stats.snapshot();
    assertThat(s.acquire().count()).isEqualTo(2);
    assertThat(s.acquire().sum()).isEqualTo(6_000);
    assertThat((double) s.acquire().p50()).isCloseTo(2_000, within(2_000 * 0.024));
    assertThat(s.acquire().min()).isEqualTo(2_000);
    assertThat(s.acquire().max()).isEqualTo(4_000);
    assertThat(s.acquireErrors()).isEqualTo(1);
    assertThat(s.connect().count()).as("apart from the pool waits").isEqualTo(1);
    assertThat(s.connect().sum()).isEqualTo(300_000);
    assertThat(s.hold().count()).isEqualTo(2);
    assertThat(s.hold().sum()).isEqualTo(1_000_000);
    assertThat(s.hold().min()).isZero();
    assertThat(s.hold().max()).isEqualTo(1_000_000);
  }

  @Test
  void resetForgetsEverything() {
    ConnectionStats stats = new ConnectionStats();
    stats.recordAcquire(2_000);
    stats.recordAcquireFailure();
    stats.recordConnect(9_000);
    stats.recordHold(5_000);
    stats.reset();

    ConnectionSnapshot s = stats.snapshot();
    assertThat(s.acquire()).isEqualTo(DistributionSnapshot.EMPTY);
    assertThat(s.connect()).isEqualTo(DistributionSnapshot.EMPTY);
    assertThat(s.hold()).isEqualTo(DistributionSnapshot.EMPTY);
    assertThat(s.acquireErrors()).isZero();

    stats.recordHold(7_000);
    assertThat(stats.snapshot().hold().sum()).isEqualTo(7_000);
  }
}
