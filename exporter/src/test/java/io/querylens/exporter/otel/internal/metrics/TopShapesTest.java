package io.querylens.exporter.otel.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopShapesTest {
  private static final QueryShape a = new QueryShape(1, "select a", "SELECT");
  private static final QueryShape b = new QueryShape(2, "select b", "SELECT");

  @Test
  void slotsStayWithTheirShapesSoNoSeriesGoesDown() {
    TopShapes top = new TopShapes(1, 100);

    List<TopShapes.Series> first = top.split(readings(a, 5, b, 3), 200);
    assertThat(first).extracting(TopShapes.Series::shape).containsExactly(a, null);
    assertThat(first).extracting(s -> s.reading().count).containsExactly(5L, 3L);

    // b now leads by far, yet a keeps its series and other only grows
    List<TopShapes.Series> second = top.split(readings(b, 100, a, 6), 300);
    assertThat(second).extracting(TopShapes.Series::shape).containsExactly(a, null);
    assertThat(second).extracting(s -> s.reading().count).containsExactly(6L, 100L);
    assertThat(second).extracting(TopShapes.Series::startEpochNanos).containsOnly(100L);
  }

  @Test
  void theOverflowShapeNeverGetsASlot() {
    TopShapes top = new TopShapes(5, 0);
    List<TopShapes.Series> series = top.split(readings(QueryShape.OVERFLOW, 50, a, 1), 10);
    assertThat(series).extracting(TopShapes.Series::shape).containsExactly(a, null);
    assertThat(series.get(1).reading().count).isEqualTo(50);
  }

  @Test
  void aResetRecordingFreesTheSlotsAndRestartsTheSeries() {
    TopShapes top = new TopShapes(1, 100);
    top.split(readings(a, 5, b, 3), 200);

    List<TopShapes.Series> afterReset = top.split(readings(b, 2, a, 1), 300);
    assertThat(afterReset).extracting(TopShapes.Series::shape).containsExactly(b, null);
    assertThat(afterReset).extracting(TopShapes.Series::startEpochNanos).containsOnly(300L);
  }

  @Test
  void zeroSlotsPutEverythingInOther() {
    List<TopShapes.Series> series = new TopShapes(0, 0).split(readings(a, 5, b, 3), 10);
    assertThat(series).singleElement().satisfies(s -> assertThat(s.reading().count).isEqualTo(8));
  }

  private static Map<QueryShape, Reading> readings(
      QueryShape first, long firstCount, QueryShape second, long secondCount) {
    Map<QueryShape, Reading> m = new LinkedHashMap<>();
    m.put(first, reading(firstCount));
    m.put(second, reading(secondCount));
    return m;
  }

  private static Reading reading(long count) {
    Reading r = new Reading();
    r.count = count;
    r.buckets[0] = count;
    return r;
  }
}
