package io.querylens.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ShapeRecorderMemoryTest {
  @Test
  void aShapeWithItsFourDistributionsTakesAtMostSixteenKibibytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int n = 200;
    QueryShape shape = new QueryShape(1, "select ?", "SELECT");
    ShapeRecorder[] recorders = new ShapeRecorder[n];
    recorders[0] =
        new ShapeRecorder(
            shape, Database.UNKNOWN); // class loading and initialisation out of the way

    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      recorders[i] = new ShapeRecorder(shape, Database.UNKNOWN);
    }
    long perShape = (threads.getCurrentThreadAllocatedBytes() - before) / n;

    System.out.println("ShapeRecorder: " + perShape + " bytes per shape");
    assertThat(recorders[n - 1]).isNotNull();
    assertThat(perShape).isBetween(14_000L, 16_384L);
  }
}
