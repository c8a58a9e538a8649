package io.querylens.core.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShapeCacheTest {

  @Test
  void hitReturnsTheSameInstance() {
    ShapeCache cache = new ShapeCache(100, 1_000, 100_000);
    String sql = "SELECT * FROM t WHERE id = 1";
    QueryShape first = cache.shapeOf(SqlDialect.POSTGRESQL, sql);
    assertThat(first.text()).isEqualTo("SELECT * FROM t WHERE id = ?");
    assertThat(first.operation()).isEqualTo("SELECT");
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, sql)).isSameAs(first);
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, new String(sql.toCharArray()))).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.totalChars()).isEqualTo(sql.length() + first.text().length());
  }

  @Test
  void growsPastItsInitialRingWithoutLosingAShape() {
    ShapeCache cache = new ShapeCache(5_000, 1_000, 10_000_000);
    for (int i = 0; i < 3_000; i++) {
      assertThat(
              cache
                  .shapeOf(SqlDialect.POSTGRESQL, "select c" + i + " from t where id = " + i)
                  .text())
          .isEqualTo("select c" + i + " from t where id = ?");
    }
    assertThat(cache.size()).isEqualTo(3_000);
  }

  @Test
  void hitsDoNotAllocate() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    ShapeCache cache = new ShapeCache(100, 1_000, 100_000);
    String[] sqls = {"SELECT a FROM t WHERE id = ?", "UPDATE t SET a = ? WHERE id = ?"};
    for (int i = 0; i < 200_000; i++) {
      cache.shapeOf(
          SqlDialect.POSTGRESQL, sqls[i & 1]); // warm up (and let the JIT compile the hit path)
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    long sink = 0;
    for (int i = 0; i < 100_000; i++) {
      sink += cache.shapeOf(SqlDialect.POSTGRESQL, sqls[i & 1]).fingerprint();
    }
    long allocated = threads.getThreadAllocatedBytes(tid) - before;
    assertThat(sink).isNotZero();
    assertThat(allocated).as("bytes allocated by 100 000 hits").isLessThan(1_000);
  }

  @Test
  void equalShapesShareOneInstance() {
    ShapeCache cache = new ShapeCache(100, 1_000, 100_000);
    QueryShape a = cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT * FROM t WHERE id = 1");
    QueryShape b = cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT * FROM t WHERE id = 2");
    QueryShape c =
        cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT * FROM t WHERE id = 'x' -- comment");
    assertThat(b).isSameAs(a);
    assertThat(c).isSameAs(a);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.totalChars())
        .as("each key once, the shared text once")
        .isEqualTo(28 + 28 + 41 + a.text().length());
  }

  @Test
  void longSqlIsNormalisedButNotCached() {
    ShapeCache cache = new ShapeCache(100, 50, 100_000);
    String sql = "SELECT a, b, c, d, e FROM some_table WHERE x = 'long literal value'";
    QueryShape shape = cache.shapeOf(SqlDialect.POSTGRESQL, sql);
    assertThat(shape.text()).isEqualTo("SELECT a, b, c, d, e FROM some_table WHERE x = ?");
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, sql)).isEqualTo(shape);
    assertThat(cache.size()).isZero();
    assertThat(cache.totalChars()).isZero();
  }

  @Test
  void aRepeatedLongStatementIsNormalisedOncePerDialect() {
    ShapeCache cache = new ShapeCache(100, 50, 100_000);
    String sql = "SELECT a, b, c, d, e FROM some_table WHERE x IN (" + "1, ".repeat(1000) + "2)";
    QueryShape first = cache.shapeOf(SqlDialect.POSTGRESQL, sql);
    assertThat(first.text()).isEqualTo("SELECT a, b, c, d, e FROM some_table WHERE x IN (?)");
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, sql)).isSameAs(first);
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, new String(sql.toCharArray())))
        .as("an equal copy")
        .isSameAs(first);
    assertThat(cache.shapeOf(SqlDialect.MYSQL, sql)).isNotSameAs(first).isEqualTo(first);
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, sql.replace("IN", "in"))).isNotEqualTo(first);
    assertThat(cache.size()).isZero();
    assertThat(cache.totalChars()).isZero();
  }

  @Test
  void uncachedSqlStillGetsTheSharedInstance() {
    ShapeCache cache = new ShapeCache(100, 40, 100_000);
    QueryShape cached = cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT * FROM t WHERE id = 1");
    QueryShape uncached =
        cache.shapeOf(
            SqlDialect.POSTGRESQL, "SELECT * FROM t WHERE id = 123456789012345678901234567890");
    assertThat(uncached).isSameAs(cached);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void boundsHoldUnder100kDistinctStatements() {
    int maxEntries = 1_000;
    long maxChars = 40_000;
    ShapeCache cache = new ShapeCache(maxEntries, 500, maxChars);
    for (int i = 0; i < 100_000; i++) {
      String sql =
          (i % 3 == 0)
              ? "SELECT * FROM t WHERE id = " + i
              : "SELECT c" + i + " FROM t" + (i % 7) + " WHERE x = 'v'";
      QueryShape shape = cache.shapeOf(SqlDialect.POSTGRESQL, sql);
      assertThat(shape.text()).isEqualTo(SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL).text());
      if (i % 100 == 0) {
        assertThat(cache.size()).isBetween(1, maxEntries);
        assertThat(cache.totalChars()).isBetween(1L, maxChars);
      }
    }
    assertThat(cache.size()).isBetween(maxEntries / 2, maxEntries);
    assertThat(cache.totalChars()).isLessThanOrEqualTo(maxChars);
  }

  @Test
  void boundByCharactersEvictsBeforeEntryCountIsReached() {
    ShapeCache cache = new ShapeCache(10_000, 1_000, 2_000);
    for (int i = 0; i < 1_000; i++) {
      cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT col_" + i + " FROM t");
      assertThat(cache.totalChars()).isLessThanOrEqualTo(2_000);
    }
    assertThat(cache.size()).isLessThan(100);
  }

  @Test
  void hotStatementSurvivesAFloodOfOneOffStatements() {
    ShapeCache cache = new ShapeCache(100, 1_000, 1_000_000);
    String hot = "SELECT * FROM owners WHERE id = ?";
    QueryShape hotShape = cache.shapeOf(SqlDialect.POSTGRESQL, hot);
    for (int i = 0; i < 20_000; i++) {
      cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT flood_" + i + " FROM t");
      if (i % 10 == 0) {
        assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, hot)).isSameAs(hotShape);
      }
    }
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, hot)).isSameAs(hotShape);
  }

  @Test
  void evictedStatementIsNormalisedAgain() {
    ShapeCache cache = new ShapeCache(2, 1_000, 1_000_000);
    QueryShape first = cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT a FROM t");
    cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT b FROM t");
    cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT c FROM t");
    cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT d FROM t");
    QueryShape again = cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT a FROM t");
    assertThat(again).isEqualTo(first).isNotSameAs(first);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void nullSqlHasTheEmptyShape() {
    ShapeCache cache = new ShapeCache(10, 100, 1_000);
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, null).text()).isEmpty();
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, null).operation()).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void zeroEntriesCachesNothingButStillNormalises() {
    ShapeCache cache = new ShapeCache(0, 1_000, 1_000);
    QueryShape shape = cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT a FROM t WHERE b = 1");
    assertThat(shape.text()).isEqualTo("SELECT a FROM t WHERE b = ?");
    assertThat(cache.shapeOf(SqlDialect.POSTGRESQL, "SELECT a FROM t WHERE b = 1"))
        .isEqualTo(shape)
        .isNotSameAs(shape);
    assertThat(cache.size()).isZero();
    assertThat(cache.totalChars()).isZero();
  }

  @Test
  void rejectsNegativeBounds() {
    assertThatThrownBy(() -> new ShapeCache(-1, 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShapeCache(10, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShapeCache(10, 10, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentCallersGetCorrectShapesWithinBounds() throws Exception {
    ShapeCache cache = new ShapeCache(200, 1_000, 20_000);
    List<String> sqls = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      sqls.add("SELECT c" + (i % 300) + " FROM t WHERE id = " + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(
            pool.submit(
                () -> {
                  int wrong = 0;
                  for (int i = 0; i < 20_000; i++) {
                    String sql = sqls.get((i * 31 + seed * 17) % sqls.size());
                    QueryShape shape = cache.shapeOf(SqlDialect.POSTGRESQL, sql);
                    if (!shape
                        .text()
                        .equals(SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL).text())) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> r : results) {
        assertThat(r.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.size()).isBetween(1, 200);
    assertThat(cache.totalChars()).isLessThanOrEqualTo(20_000);
  }
}
