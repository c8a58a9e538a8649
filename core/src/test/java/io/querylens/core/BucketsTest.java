package io.querylens.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.internal.stats.DistributionRecorder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {

  @Test
  void snapshotsCarryEveryRecordedValueInTheirBuckets() {
    DistributionRecorder times = DistributionRecorder.forTimes();
    for (long v = 1; v <= 1_000; v++) {
      times.record(v * 1_000); // 1 µs .. 1 ms
    }
    DistributionSnapshot s = times.snapshot(DistributionRecorder.newScratch());
    Buckets b = s.buckets();
    assertThat(b.totalCount()).isEqualTo(s.count()).isEqualTo(1_000);
    List<long[]> seen = new ArrayList<>();
    b.forEach((low, high, count) -> seen.add(new long[] {low, high, count}));
    assertThat(seen).hasSize(b.size());
    for (int i = 0; i < b.size(); i++) {
      assertThat(b.high(i)).isGreaterThan(b.low(i));
      assertThat((double) (b.high(i) - b.low(i))).isLessThanOrEqualTo(b.low(i) / 32.0 + 16);
      if (i > 0) {
        assertThat(b.low(i)).isGreaterThanOrEqualTo(b.high(i - 1));
      }
    }
  }

  @Test
  void percentilesFromBucketsAgreeWithTheStoredOnes() {
    DistributionRecorder times = DistributionRecorder.forTimes();
    for (long v = 1; v <= 10_000; v++) {
      times.record(v * 100);
    }
    DistributionSnapshot s = times.snapshot(DistributionRecorder.newScratch());
    assertThat((double) s.valueAtPercentile(50)).isCloseTo(500_000, withinPercent(3));
    assertThat((double) s.valueAtPercentile(90)).isCloseTo(900_000, withinPercent(3));
    assertThat((double) s.valueAtPercentile(99.9)).isCloseTo(999_000, withinPercent(3));
    assertThat(s.valueAtPercentile(0)).isEqualTo(s.min());
    assertThat(s.valueAtPercentile(100)).isEqualTo(s.max());
    assertThat((double) s.valueAtPercentile(95)).isCloseTo(s.p95(), withinPercent(2));
  }

  @Test
  void aSummaryWithoutBucketsNeverReadsLow() {
    DistributionSnapshot s = new DistributionSnapshot(3, 60, 10, 20, 25, 29, 30);
    assertThat(s.valueAtPercentile(0)).isEqualTo(10);
    assertThat(s.valueAtPercentile(40)).isEqualTo(20);
    assertThat(s.valueAtPercentile(90)).isEqualTo(25);
    assertThat(s.valueAtPercentile(99.5)).isEqualTo(30);
  }

  @Test
  void badBucketsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Buckets.of(new long[] {0}, new long[] {1, 2}, new long[] {1}))
        .hasMessageContaining("differ in length");
    assertThatThrownBy(() -> Buckets.of(new long[] {0, 5}, new long[] {10, 20}, new long[] {1, 1}))
        .hasMessageContaining("bucket 1");
    assertThatThrownBy(() -> Buckets.of(new long[] {0}, new long[] {10}, new long[] {0}))
        .hasMessageContaining("bucket 0");
    assertThatThrownBy(() -> Buckets.NONE.valueAtPercentile(101)).hasMessageContaining("[0, 100]");
    assertThat(Buckets.NONE.valueAtPercentile(50)).isZero();
  }

  private static org.assertj.core.data.Percentage withinPercent(double p) {
    return org.assertj.core.data.Percentage.withPercentage(p);
  }
}
