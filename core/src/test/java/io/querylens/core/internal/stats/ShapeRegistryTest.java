package io.querylens.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.querylens.core.Database;
import io.querylens.core.DistributionSnapshot;
import io.querylens.core.Execution;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.config.QueryLensConfig;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ShapeRegistryTest {
  /** The default of {@code querylens.max-shapes}, as Recording passes it. */
  private static final int MAX_SHAPES = QueryLensConfig.builder().build().maxShapes();

  private static final QueryShape SELECT = shape(1, "select * from owner where id = ?");
  private static final QueryShape UPDATE = shape(2, "update owner set name = ? where id = ?");

  static QueryShape shape(long fingerprint, String text) {
    return new QueryShape(fingerprint, text, text.substring(0, text.indexOf(' ')).toUpperCase());
  }

  static Execution query(QueryShape shape, long execute, long fetch, long process, long rows) {
    return new Execution(
        true, shape, Database.UNKNOWN, 0, execute, fetch, process, rows, 0, null, 0, 0);
  }

  static Execution update(QueryShape shape, long execute, long rows) {
    return new Execution(true, shape, Database.UNKNOWN, 0, execute, 0, 0, rows, 0, null, 0, 0);
  }

  static Execution failure(QueryShape shape, long execute) {
    return new Execution(
        true,
        shape,
        Database.UNKNOWN,
        0,
        execute,
        0,
        0,
        -1,
        0,
        new SQLException("bad", "42000"),
        0,
        0);
  }

  @Test
  void recordsCountErrorsTotalAndTheFourDistributions() {
    ShapeRegistry registry = new ShapeRegistry(MAX_SHAPES);
    record(registry, query(SELECT, 1_000, 200, 3_000, 1));
    record(registry, query(SELECT, 3_000, 400, 5_000, 40));
    record(registry, failure(SELECT, 2_000));

    ShapeSnapshot s = registry.snapshot().get(0);
    assertThat(s.shape()).isSameAs(SELECT);
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(s.totalNanos()).isEqualTo(4_200 + 8_400 + 2_000);
    assertThat(s.execute().count()).isEqualTo(3);
    assertThat(s.execute().sum()).isEqualTo(6_000);
    assertThat(s.execute().min()).isEqualTo(1_000);
    assertThat(s.execute().max()).isEqualTo(3_000);
    assertThat(s.fetch().count()).isEqualTo(3);
    assertThat(s.fetch().sum()).isEqualTo(600);
    assertThat(s.fetch().min()).isZero(); // the failure had no cursor
    assertThat(s.fetch().max()).isEqualTo(400);
    assertThat(s.process().min()).isZero();
    assertThat(s.process().max()).isEqualTo(5_000);
    assertThat(s.process().sum()).isEqualTo(8_000);
    assertThat(s.process().mean()).isCloseTo(8_000 / 3.0, within(1e-9));
    // the failure's row count is unknown, so rows has two values
    assertThat(s.rows().count()).isEqualTo(2);
    assertThat(s.rows().sum()).isEqualTo(41);
    assertThat(s.rows().min()).isEqualTo(1);
    assertThat(s.rows().max()).isEqualTo(40);
  }

  @Test
  void aShapeExecutedOnceReportsItsExactTimesEverywhere() {
    ShapeRegistry registry = new ShapeRegistry(MAX_SHAPES);
    record(registry, query(SELECT, 60_200_000, 1_234_567, 33_333, 1));

    ShapeSnapshot s = registry.snapshot().get(0);
    assertThat(s.totalNanos()).isEqualTo(60_200_000 + 1_234_567 + 33_333);
    assertThat(s.execute())
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(single(60_200_000));
    assertThat(s.fetch())
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(single(1_234_567));
    assertThat(s.process())
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(single(33_333));
    assertThat(s.rows()).usingRecursiveComparison().ignoringFields("buckets").isEqualTo(single(1));
    assertThat(s.execute().max()).isLessThanOrEqualTo(s.totalNanos());
  }

  private static DistributionSnapshot single(long value) {
    return new DistributionSnapshot(1, value, value, value, value, value, value);
  }

  @Test
  void fetchMinimumIsZeroOnlyWhenSomeExecutionHadNoFetchTime() {
    ShapeRegistry registry = new ShapeRegistry(MAX_SHAPES);
    record(registry, query(SELECT, 10_000, 3_000, 500, 1));
    record(registry, query(SELECT, 12_000, 4_000, 700, 1));
    ShapeSnapshot both = registry.snapshot().get(0);
    assertThat(both.fetch().min()).isEqualTo(3_000);
    assertThat(both.process().min()).isEqualTo(500);

    record(registry, query(SELECT, 11_000, 0, 600, 1)); // zero fetch is implied, not recorded
    ShapeSnapshot s = registry.snapshot().get(0);
    assertThat(s.fetch().count()).isEqualTo(3);
    assertThat(s.fetch().min()).isZero();
    assertThat(s.fetch().max()).isEqualTo(4_000);
    assertThat(s.process().min()).isEqualTo(500);
    assertThat(s.execute().min()).isEqualTo(10_000);
    assertThat(s.execute().max()).isEqualTo(12_000);
    for (DistributionSnapshot d : List.of(s.execute(), s.fetch(), s.process(), s.rows())) {
      DistributionRecorderTest.assertOrdered(d);
    }
  }

  @Test
  void anUpdateHasZeroFetchAndProcessTime() {
    ShapeRegistry registry = new ShapeRegistry(MAX_SHAPES);
    for (int i = 0; i < 5; i++) {
      record(registry, update(UPDATE, 10_000, 1));
    }
    ShapeSnapshot s = registry.snapshot().get(0);
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.execute().sum()).isEqualTo(50_000);
    assertThat(s.totalNanos()).isEqualTo(50_000);
    for (DistributionSnapshot zero : List.of(s.fetch(), s.process())) {
      assertThat(zero)
          .usingRecursiveComparison()
          .ignoringFields("buckets")
          .isEqualTo(new DistributionSnapshot(5, 0, 0, 0, 0, 0, 0));
    }
    assertThat(s.rows())
        .usingRecursiveComparison()
        .ignoringFields("buckets")
        .isEqualTo(new DistributionSnapshot(5, 5, 1, 1, 1, 1, 1));
  }

  @Test
  void snapshotListsShapesByTotalTimeLargestFirst() {
    ShapeRegistry registry = new ShapeRegistry(MAX_SHAPES);
    QueryShape cheapButFrequent = shape(3, "select 1");
    for (int i = 0; i < 100; i++) {
      record(registry, query(cheapButFrequent, 1_000, 0, 0, 1));
    }
    record(registry, update(UPDATE, 50_000, 1));
    record(registry, query(SELECT, 200_000, 10_000, 10_000, 1));

    assertThat(registry.snapshot())
        .extracting(ShapeSnapshot::shape)
        .containsExactly(SELECT, cheapButFrequent, UPDATE);
  }

  @Test
  void shapesBeyondTheLimitGoToTheOverflowShapeAndAreCountedAsDropped() {
    ShapeRegistry registry = new ShapeRegistry(3);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 10; i++) {
        record(registry, update(shape(100 + i, "delete from t" + i), 1_000 * (i + 1), 1));
      }
    }
    List<ShapeSnapshot> shapes = registry.snapshot();
    assertThat(shapes).hasSize(4);
    assertThat(registry.shapeCount()).isEqualTo(3);
    ShapeSnapshot overflow =
        shapes.stream().filter(s -> s.shape() == QueryShape.OVERFLOW).findFirst().get();
    assertThat(overflow.shape().text()).isEqualTo("(other shapes)");
    assertThat(overflow.shape().id()).isEqualTo("ffffffffffffffff");
    assertThat(overflow.count()).isEqualTo(14);
    assertThat(overflow.totalNanos()).isEqualTo(2 * 1_000L * (4 + 5 + 6 + 7 + 8 + 9 + 10));
    assertThat(shapes.stream().mapToLong(ShapeSnapshot::count).sum()).isEqualTo(20);
    assertThat(registry.droppedShapes()).isBetween(6L, 8L); // 7 distinct, approximately
  }

  @Test
  void withNoRoomEveryExecutionGoesToTheOverflowShape() {
    ShapeRegistry registry = new ShapeRegistry(0);
    record(registry, update(UPDATE, 1_000, 1));
    assertThat(registry.snapshot())
        .singleElement()
        .satisfies(s -> assertThat(s.shape()).isSameAs(QueryShape.OVERFLOW));
    assertThatThrownBy(() -> new ShapeRegistry(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resetForgetsShapesStatisticsAndDroppedShapes() {
    ShapeRegistry registry = new ShapeRegistry(1);
    record(registry, update(UPDATE, 1_000, 1));
    record(registry, query(SELECT, 1_000, 0, 0, 1));
    assertThat(registry.droppedShapes()).isEqualTo(1);

    registry.reset();
    assertThat(registry.snapshot()).isEmpty();
    assertThat(registry.droppedShapes()).isZero();
    assertThat(registry.shapeCount()).isZero();

    record(registry, query(SELECT, 2_000, 0, 0, 1));
    assertThat(registry.snapshot())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.shape()).isSameAs(SELECT); // the freed slot went to the new shape
              assertThat(s.count()).isEqualTo(1);
              assertThat(s.totalNanos()).isEqualTo(2_000);
            });
  }

  @Test
  void concurrentExecutionsLoseNoCounts() throws InterruptedException {
    ShapeRegistry registry = new ShapeRegistry(MAX_SHAPES);
    int threads = 8;
    int perThread = 200_000;
    Execution select = query(SELECT, 1_500, 100, 300, 2);
    Execution update = update(UPDATE, 900, 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                DistributionRecorderTest.awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                  record(registry, (i & 1) == 0 ? select : update);
                }
              });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long each = (long) threads * perThread / 2;
    List<ShapeSnapshot> shapes = registry.snapshot();
    assertThat(shapes).extracting(ShapeSnapshot::shape).containsExactly(SELECT, UPDATE);
    ShapeSnapshot s = shapes.get(0);
    assertThat(s.count()).isEqualTo(each);
    assertThat(s.totalNanos()).isEqualTo(each * 1_900);
    assertThat(s.execute().sum()).isEqualTo(each * 1_500);
    assertThat(s.fetch().sum()).isEqualTo(each * 100);
    assertThat(s.rows().sum()).isEqualTo(each * 2);
    ShapeSnapshot u = shapes.get(1);
    assertThat(u.count()).isEqualTo(each);
    assertThat(u.fetch().count()).isEqualTo(each);
    assertThat(u.rows().count()).isEqualTo(each);
  }

  @Test
  void aHundredThousandDistinctShapesStayWithinTheLimitAndItsMemory() {
    int distinct = 100_000;
    int maxShapes = 2_000;
    Execution[] executions = new Execution[distinct];
    for (int i = 0; i < distinct; i++) {
      executions[i] =
          update(shape(0x9E3779B97F4A7C15L * (i + 1), "select c" + i + " from t"), 500, 1);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ShapeRegistry registry = new ShapeRegistry(maxShapes);

    long before = threads.getCurrentThreadAllocatedBytes();
    for (Execution e : executions) {
      record(registry, e);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(registry.shapeCount()).isEqualTo(maxShapes);
    List<ShapeSnapshot> shapes = registry.snapshot();
    assertThat(shapes).hasSize(maxShapes + 1);
    assertThat(shapes.stream().mapToLong(ShapeSnapshot::count).sum()).isEqualTo(distinct);
    assertThat((double) registry.droppedShapes())
        .isCloseTo(distinct - maxShapes, within(0.1 * (distinct - maxShapes)));
    // recorders plus the map's nodes and table; nothing per dropped execution
    assertThat(allocated).isLessThan((maxShapes + 1) * 16_384L + 1_000_000);

    before = threads.getCurrentThreadAllocatedBytes();
    for (Execution e : executions) {
      record(registry, e);
    }
    assertThat(threads.getCurrentThreadAllocatedBytes() - before)
        .as("bytes allocated recording known and dropped shapes again")
        .isLessThan(1_024);
  }

  private static void record(ShapeRegistry registry, Execution e) {
    registry.record(
        e.shape(),
        e.database(),
        e.executeNanos(),
        e.fetchNanos(),
        e.processNanos(),
        e.rows(),
        e.failed());
  }
}
