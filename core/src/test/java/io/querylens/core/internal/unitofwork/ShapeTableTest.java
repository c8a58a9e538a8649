package io.querylens.core.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.QueryShape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeTableTest {
  private static QueryShape shape(int i) {
    return new QueryShape(i * 31L, "select * from t" + i, "SELECT");
  }

  @Test
  void findsWhatWasInsertedEvenThroughAnotherInstanceOfTheSameShape() {
    ShapeTable t = new ShapeTable();
    ShapeTable.Entry e = t.insert(shape(1));
    assertThat(t.find(shape(1))).isSameAs(e);
    assertThat(t.find(shape(2))).isNull();
    assertThat(t.size()).isEqualTo(1);
  }

  @Test
  void growsToItsBoundAndThenAsksForEviction() {
    ShapeTable t = new ShapeTable();
    for (int i = 0; i < ShapeTable.MAX_SHAPES; i++) {
      assertThat(t.insert(shape(i))).isNotNull();
    }
    assertThat(t.capacity()).isEqualTo(ShapeTable.MAX_CAPACITY);
    assertThat(t.insert(shape(1000))).isNull();
    for (int i = 0; i < ShapeTable.MAX_SHAPES; i++) {
      assertThat(t.find(shape(i))).isNotNull();
    }
  }

  @Test
  void evictionDropsTheLeastRecentlyUsedHalfAndReportsFlaggedOnes() {
    ShapeTable t = new ShapeTable();
    for (int i = 0; i < ShapeTable.MAX_SHAPES; i++) {
      ShapeTable.Entry e = t.insert(shape(i));
      e.lastUse = i;
      e.state = i % 2 == 0 ? ShapeTable.FLAGGED : ShapeTable.COUNTING;
    }
    t.find(shape(3)).lastUse = 1000; // used lately: stays
    List<QueryShape> left = new ArrayList<>();
    t.evictOldestHalf(e -> left.add(e.shape));

    assertThat(t.size()).isEqualTo(ShapeTable.MAX_SHAPES / 2);
    assertThat(t.find(shape(3))).isNotNull();
    assertThat(t.find(shape(ShapeTable.MAX_SHAPES - 1))).isNotNull();
    assertThat(t.find(shape(0))).isNull();
    // lastUse 0..32 without 3 left: the even ones among them were flagged
    assertThat(left).hasSize(17).allMatch(s -> t.find(s) == null);
    assertThat(t.insert(shape(1000))).isNotNull();
  }

  @Test
  void clearReportsFlaggedEntriesWhileTheTableIsWholeAndRecyclesEntries() {
    ShapeTable t = new ShapeTable();
    ShapeTable.Entry parent = t.insert(shape(1));
    parent.rowsInUnit = 12;
    ShapeTable.Entry child = t.insert(shape(2));
    child.state = ShapeTable.FLAGGED;
    child.parent = shape(1);
    long[] seen = {-1};
    t.clear(e -> seen[0] = t.find(e.parent).rowsInUnit);
    assertThat(seen[0]).isEqualTo(12);
    assertThat(t.size()).isZero();
    assertThat(t.find(shape(1))).isNull();
    ShapeTable.Entry again = t.insert(shape(3));
    assertThat(again).isIn(parent, child);
    assertThat(again.parent).isNull();
  }
}
