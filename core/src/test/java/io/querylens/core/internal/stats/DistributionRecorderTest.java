package io.querylens.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.DistributionSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DistributionRecorderTest {
  /** Stated precision of a time: 1/64 from the bucket midpoint plus 1/128 from the reader. */
  private static final double TIME_RELATIVE_ERROR = 0.024;

  private static final long TIME_ABSOLUTE_ERROR = 16;

  /** Stated precision of a row count: 1/32 plus 1/128, exact below 32. */
  private static final double ROWS_RELATIVE_ERROR = 0.04;

  private final Histogram scratch = DistributionRecorder.newScratch();

  @Test
  void timeBucketsAreContiguousAndAtMostOneThirtySecondOfTheirValueWide() {
    DistributionRecorder times = DistributionRecorder.forTimes();
    assertThat(times.bucketCount()).isEqualTo(1077);
    assertThat(times.lowValue(0)).isZero();
    assertThat(times.highValue(0)).isEqualTo(16);
    for (int i = 1; i < times.bucketCount(); i++) {
      long low = times.lowValue(i);
      long high = times.highValue(i);
      assertThat(low).isEqualTo(times.highValue(i - 1));
      assertThat(times.index(low)).isEqualTo(i);
      assertThat(times.index(high - 1)).isEqualTo(i);
      assertThat(high - low).isLessThanOrEqualTo(Math.max(16, low / 32));
    }
    assertThat(times.index(DistributionRecorder.HIGHEST_NANOS)).isEqualTo(times.bucketCount() - 1);
  }

  @Test
  void rowBucketsAreExactBelowThirtyTwoAndAtMostOneSixteenthWideAbove() {
    DistributionRecorder rows = DistributionRecorder.forRows();
    assertThat(rows.bucketCount()).isEqualTo(449);
    for (int i = 0; i < 32; i++) {
      assertThat(rows.lowValue(i)).isEqualTo(i);
      assertThat(rows.highValue(i)).isEqualTo(i + 1);
    }
    for (int i = 32; i < rows.bucketCount(); i++) {
      long low = rows.lowValue(i);
      assertThat(low).isEqualTo(rows.highValue(i - 1));
      assertThat(rows.index(rows.highValue(i) - 1)).isEqualTo(i);
      assertThat(rows.highValue(i) - low).isLessThanOrEqualTo(low / 16);
    }
  }

  @Test
  void timePercentilesAreWithinTheStatedErrorOfExactValues() {
    SplittableRandom random = new SplittableRandom(42);
    // log-uniform from 50 ns to 60 s, and a narrow normal-ish cluster around 1.2 ms
    long[] logUniform = new long[100_000];
    for (int i = 0; i < logUniform.length; i++) {
      logUniform[i] = (long) Math.exp(random.nextDouble(Math.log(50), Math.log(60e9)));
    }
    long[] cluster = new long[100_000];
    for (int i = 0; i < cluster.length; i++) {
      double sum = 0;
      for (int k = 0; k < 6; k++) {
        sum += random.nextDouble();
      }
      cluster[i] = (long) (1_200_000 + (sum - 3) * 100_000);
    }
    for (long[] values : List.of(logUniform, cluster)) {
      DistributionRecorder recorder = DistributionRecorder.forTimes();
      for (long v : values) {
        recorder.record(v);
      }
      assertWithin(recorder.snapshot(scratch), values, TIME_RELATIVE_ERROR, TIME_ABSOLUTE_ERROR);
    }
  }

  @Test
  void rowPercentilesAreWithinTheStatedErrorOfExactValues() {
    SplittableRandom random = new SplittableRandom(7);
    long[] values = new long[100_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) Math.exp(random.nextDouble(0, Math.log(1e7))) - 1;
    }
    DistributionRecorder recorder = DistributionRecorder.forRows();
    for (long v : values) {
      recorder.record(v);
    }
    assertWithin(recorder.snapshot(scratch), values, ROWS_RELATIVE_ERROR, 0);
  }

  @Test
  void smallRowCountsAreExact() {
    DistributionRecorder recorder = DistributionRecorder.forRows();
    for (int i = 0; i < 100; i++) {
      recorder.record(i % 32);
    }
    DistributionSnapshot s = recorder.snapshot(scratch);
    assertThat(s.min()).isZero();
    assertThat(s.p50()).isEqualTo(15);
    assertThat(s.max()).isEqualTo(31);
    assertThat(s.sum()).isEqualTo(sumOfModulo(100, 32));
  }

  private static long sumOfModulo(int n, int m) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i % m;
    }
    return sum;
  }

  @Test
  void sumsAreExactEvenWhereBucketsAreCoarse() {
    DistributionRecorder times = DistributionRecorder.forTimes();
    DistributionRecorder rows = DistributionRecorder.forRows();
    long[] values = {0, 1, 15, 17, 999, 123_456_789, 7_200_000_000_000L, 5_000_000_000L};
    long expected = 0;
    for (long v : values) {
      times.record(v);
      rows.record(v);
      expected += v;
    }
    assertThat(times.snapshot(scratch).sum()).isEqualTo(expected);
    assertThat(rows.snapshot(scratch).sum()).isEqualTo(expected);
    assertThat(times.snapshot(scratch).mean()).isEqualTo(expected / 8.0);
  }

  @Test
  void negativeValuesCountAsZeroAndHugeValuesAsTheTopBucket() {
    DistributionRecorder times = DistributionRecorder.forTimes();
    times.record(-5);
    times.record(Long.MIN_VALUE);
    times.record(Long.MAX_VALUE);
    times.record(2 * DistributionRecorder.HIGHEST_NANOS);
    DistributionSnapshot s = times.snapshot(scratch);
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.min()).isZero();
    assertThat(s.p50()).isZero();
    // the top bucket stands for everything above the highest value, the max keeps its size
    assertThat((double) s.p95())
        .isCloseTo(DistributionRecorder.HIGHEST_NANOS, withinPercent(TIME_RELATIVE_ERROR));
    assertThat(s.max()).isEqualTo(Long.MAX_VALUE);

    DistributionRecorder rows = DistributionRecorder.forRows();
    rows.record(1L << 40);
    assertThat(rows.snapshot(scratch))
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(
            new DistributionSnapshot(
                1, 1L << 40, 1L << 40, 1L << 40, 1L << 40, 1L << 40, 1L << 40));
  }

  private static org.assertj.core.data.Percentage withinPercent(double fraction) {
    return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
  }

  @Test
  void concurrentWritersLoseNoCounts() throws InterruptedException {
    DistributionRecorder recorder = DistributionRecorder.forTimes();
    int threads = 8;
    int perThread = 200_000;
    CountDownLatch start = new CountDownLatch(1);
    AtomicLong expectedSum = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      Thread worker =
          new Thread(
              () -> {
                long sum = 0;
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                  long v = 1000 + ((i * 31L + seed) & 1023); // a few hot buckets shared by all
                  recorder.record(v);
                  sum += v;
                }
                expectedSum.addAndGet(sum);
              });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    DistributionSnapshot s = recorder.snapshot(scratch);
    assertThat(s.count()).isEqualTo((long) threads * perThread);
    assertThat(s.sum()).isEqualTo(expectedSum.get());
    assertThat(recorder.totalCount()).isEqualTo((long) threads * perThread);
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void bucketCountsCarryPastTwoToTheThirtyTwo() {
    DistributionRecorder recorder = DistributionRecorder.forTimes();
    for (int i = 0; i < 3; i++) {
      recorder.record(5000, Integer.MAX_VALUE);
    }
    recorder.record(5000);
    long expected = 3L * Integer.MAX_VALUE + 1;
    assertThat(expected).isGreaterThan(1L << 32);
    assertThat(recorder.totalCount()).isEqualTo(expected);
    DistributionSnapshot s = recorder.snapshot(scratch);
    assertThat(s.count()).isEqualTo(expected);
    assertThat(s.sum()).isEqualTo(expected * 5000);
  }

  @Test
  void zerosAreImpliedByTheCountSource() {
    DistributionRecorder execute = DistributionRecorder.forTimes();
    DistributionRecorder fetch = DistributionRecorder.forTimesCountedBy(execute);
    for (int i = 0; i < 10; i++) {
      execute.recordCount(10_000);
    }
    fetch.record(2_000);
    DistributionSnapshot s = fetch.snapshot(scratch);
    assertThat(s.count()).isEqualTo(10);
    assertThat(s.sum()).isEqualTo(2_000);
    assertThat(s.min()).isZero();
    assertThat(s.p50()).isZero();
    assertThat(s.max()).isEqualTo(2_000);
    List<long[]> buckets = new ArrayList<>();
    s.buckets().forEach((low, high, count) -> buckets.add(new long[] {low, high, count}));
    assertThat(buckets).hasSize(2);
    assertThat(buckets.get(0)).containsExactly(0, 16, 9);
    assertThat(buckets.get(1)[0]).isLessThanOrEqualTo(2_000);
    assertThat(buckets.get(1)[1]).isGreaterThan(2_000);
    assertThat(buckets.get(1)[2]).isEqualTo(1);
  }

  @Test
  void aSingleValueIsReportedExactlyAsMinPercentilesAndMax() {
    long value = 60_200_000; // 60.2 ms, whose bucket stands for about 60.6 ms
    DistributionRecorder times = DistributionRecorder.forTimes();
    assertThat(times.representative(times.index(value))).isNotEqualTo(value);
    times.record(value);
    assertThat(times.snapshot(scratch))
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(new DistributionSnapshot(1, value, value, value, value, value, value));

    DistributionRecorder execute = DistributionRecorder.forTimes();
    execute.recordCount(value);
    DistributionSnapshot e = execute.snapshot(scratch);
    assertThat(List.of(e.min(), e.p50(), e.p95(), e.p99(), e.max())).containsOnly(value);

    DistributionRecorder rows = DistributionRecorder.forRows();
    rows.record(1_000, 3); // many copies of one value are still one value
    assertThat(rows.snapshot(scratch))
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(new DistributionSnapshot(3, 3_000, 1_000, 1_000, 1_000, 1_000, 1_000));
  }

  @Test
  void impliedZerosMakeTheMinimumZeroAndOnlyThen() {
    DistributionRecorder execute = DistributionRecorder.forTimes();
    DistributionRecorder fetch = DistributionRecorder.forTimesCountedBy(execute);
    for (int i = 0; i < 3; i++) {
      execute.recordCount(50_000);
      fetch.record(7_000 + i);
    }
    DistributionSnapshot all = fetch.snapshot(scratch);
    assertThat(all.min()).isEqualTo(7_000);
    assertThat(all.max()).isEqualTo(7_002);

    execute.recordCount(50_000); // an execution without a fetch: an implied zero
    DistributionSnapshot withZero = fetch.snapshot(scratch);
    assertThat(withZero.count()).isEqualTo(4);
    assertThat(withZero.min()).isZero();
    assertThat(withZero.max()).isEqualTo(7_002);
    assertOrdered(withZero);
  }

  @Test
  void clampedPercentilesKeepTheirOrderAndStayWithinMinAndMax() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 2_000; trial++) {
      DistributionRecorder execute = DistributionRecorder.forTimes();
      DistributionRecorder fetch = DistributionRecorder.forTimesCountedBy(execute);
      DistributionRecorder rows = DistributionRecorder.forRows();
      int n = 1 + random.nextInt(20);
      long[] fetches = new long[n];
      long[] rowCounts = new long[n];
      for (int i = 0; i < n; i++) {
        execute.recordCount(1_000);
        // few distinct values, often in one bucket, so clamping decides the percentiles
        long base = (long) Math.exp(random.nextDouble(Math.log(20), Math.log(1e10)));
        fetches[i] = random.nextInt(4) == 0 ? 0 : base + random.nextInt(3);
        if (fetches[i] != 0) {
          fetch.record(fetches[i]);
        }
        rowCounts[i] = random.nextLong(1L << 20);
        rows.record(rowCounts[i]);
      }
      assertExactExtremesAndOrder(fetch.snapshot(scratch), fetches);
      assertExactExtremesAndOrder(rows.snapshot(scratch), rowCounts);
    }
  }

  private static void assertExactExtremesAndOrder(DistributionSnapshot s, long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(s.count()).isEqualTo(sorted.length);
    assertThat(s.min()).as("min of %s", Arrays.toString(sorted)).isEqualTo(sorted[0]);
    assertThat(s.max())
        .as("max of %s", Arrays.toString(sorted))
        .isEqualTo(sorted[sorted.length - 1]);
    assertOrdered(s);
  }

  static void assertOrdered(DistributionSnapshot s) {
    assertThat(new long[] {s.min(), s.p50(), s.p95(), s.p99(), s.max()})
        .as("min <= p50 <= p95 <= p99 <= max in %s", s)
        .isSorted();
  }

  @Test
  void minAndMaxAreExactUnderConcurrentWriters() throws InterruptedException {
    // a lost update shows only when it happens near the end, so a few rounds, each with a
    // different thread holding the extremes
    int snapshotsWhileWriting = 0;
    for (int round = 0; round < 5; round++) {
      snapshotsWhileWriting += recordExtremesConcurrently(8, 20_000, round);
    }
    System.out.println("snapshots taken while writing: " + snapshotsWhileWriting);
  }

  /** Returns how many snapshots, each checked, were taken while the writers ran. */
  private int recordExtremesConcurrently(int threads, int perThread, int round)
      throws InterruptedException {
    DistributionRecorder recorder = DistributionRecorder.forTimes();
    long middle = 1_000_000;
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long offset = (t + round) % threads;
      Thread worker =
          new Thread(
              () -> {
                awaitQuietly(start);
                // every thread keeps setting a new maximum and a new minimum, interleaved with
                // the others, so the compare-and-set loops race on nearly every value
                for (int i = 0; i < perThread; i++) {
                  recorder.record(middle + i * (long) threads + offset);
                  recorder.record(middle - i * (long) threads - offset);
                }
              });
      worker.start();
      workers.add(worker);
    }
    long expectedMax = middle + (perThread - 1L) * threads + threads - 1;
    long expectedMin = middle - (perThread - 1L) * threads - (threads - 1);
    start.countDown();
    Thread watcher =
        new Thread(
            () -> {
              for (Thread worker : workers) {
                joinQuietly(worker);
              }
              done.set(true);
            });
    watcher.start();
    int snapshotsWhileWriting = 0;
    Histogram readerScratch = DistributionRecorder.newScratch();
    while (!done.get()) {
      DistributionSnapshot s = recorder.snapshot(readerScratch);
      if (s.count() > 0) {
        assertOrdered(s);
        // each thread starts at middle + its offset and moves away from middle both ways
        assertThat(s.min()).isBetween(expectedMin, middle + threads);
        assertThat(s.max()).isBetween(middle - threads, expectedMax);
        snapshotsWhileWriting++;
      }
    }
    watcher.join();

    DistributionSnapshot s = recorder.snapshot(scratch);
    assertThat(s.count()).isEqualTo(2L * threads * perThread);
    assertThat(s.sum()).isEqualTo(2L * threads * perThread * middle);
    assertThat(s.min()).as("min in round %d", round).isEqualTo(expectedMin);
    assertThat(s.max()).as("max in round %d", round).isEqualTo(expectedMax);
    assertOrdered(s);
    return snapshotsWhileWriting;
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void emptyRecorderGivesTheEmptySnapshot() {
    assertThat(DistributionRecorder.forTimes().snapshot(scratch))
        .isEqualTo(DistributionSnapshot.EMPTY);
  }

  /** Checks count, sum, exact min and max, p50, p95 and p99 against the sorted values. */
  static void assertWithin(DistributionSnapshot s, long[] values, double relative, long absolute) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(s.count()).isEqualTo(sorted.length);
    assertThat(s.sum()).isEqualTo(Arrays.stream(sorted).sum());
    assertThat(s.min()).as("min").isEqualTo(sorted[0]);
    assertClose("p50", s.p50(), atPercentile(sorted, 50), relative, absolute);
    assertClose("p95", s.p95(), atPercentile(sorted, 95), relative, absolute);
    assertClose("p99", s.p99(), atPercentile(sorted, 99), relative, absolute);
    assertThat(s.max()).as("max").isEqualTo(sorted[sorted.length - 1]);
    assertOrdered(s);
  }

  private static long atPercentile(long[] sorted, double percentile) {
    int rank = (int) Math.max(1, Math.round(percentile / 100 * sorted.length));
    return sorted[rank - 1];
  }

  private static void assertClose(
      String what, long actual, long exact, double relative, long absolute) {
    long tolerance = Math.max(absolute, (long) Math.ceil(exact * relative));
    assertThat(actual)
        .as("%s of exact %d", what, exact)
        .isBetween(exact - tolerance, exact + tolerance);
  }
}
