package io.querylens.core.internal.stats;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;

/**
 * Per-shape statistics of every execution, with a bounded number of shapes. Internal: public only
 * for the other QueryLens modules.
 *
 * <p>Recorders are found in a {@link ConcurrentHashMap} keyed by the {@link QueryShape} instance
 * itself: shapes come canonical out of the shape cache, so a lookup is a hash of the fingerprint
 * that the shape already holds, an identity comparison and no boxing (a {@code Long} key would box
 * the fingerprint on every execution), and two texts that happen to share a fingerprint stay apart.
 * A custom open-addressing map would save about one dependent load; not worth its code.
 *
 * <p>At most {@code maxShapes} shapes get recorders of their own (about 15 KB each); executions of
 * further shapes are recorded under {@link QueryShape#OVERFLOW}, and the distinct shapes so dropped
 * are counted approximately. A shape's database is the one it was first recorded on: a shape run on
 * two databases is attributed to the first, and the overflow shape to {@link Database#UNKNOWN}.
 * {@link #reset()} swaps in fresh state, so a writer racing it records into the old state and is
 * forgotten with it.
 */
public final class ShapeRegistry {
  private static final Comparator<ShapeSnapshot> LARGEST_TOTAL_FIRST =
      Comparator.comparingLong(ShapeSnapshot::totalNanos)
          .thenComparingLong(ShapeSnapshot::count)
          .reversed()
          .thenComparing(s -> s.shape().text());

  private final int maxShapes;
  private volatile State state;

  /**
   * @param maxShapes shapes with recorders of their own ({@code querylens.max-shapes}); 0 records
   *     every execution under {@link QueryShape#OVERFLOW}
   */
  public ShapeRegistry(int maxShapes) {
    if (maxShapes < 0) {
      throw new IllegalArgumentException("maxShapes must not be negative: " + maxShapes);
    }
    this.maxShapes = maxShapes;
    this.state = new State(maxShapes);
  }

  /**
   * Records one execution given as its parts (the wrappers' hot path has no {@code Execution}
   * object); rows below zero mean unknown. Lock-free, and allocation-free once its shape has a
   * recorder.
   */
  public void record(
      QueryShape shape,
      Database database,
      long executeNanos,
      long fetchNanos,
      long processNanos,
      long rows,
      boolean failed) {
    recorderOf(shape, database).record(executeNanos, fetchNanos, processNanos, rows, failed);
  }

  /** The shape's recorder; a new one remembers {@code database} as the shape's. */
  private ShapeRecorder recorderOf(QueryShape shape, Database database) {
    State s = state;
    ShapeRecorder recorder = s.recorders.get(shape);
    return recorder != null ? recorder : s.admit(shape, database);
  }

  /**
   * Statistics of every shape recorded since the start or the last {@link #reset()}, largest total
   * time first, the overflow shape among them when it has executions. Taken while executions are
   * recorded, it may miss the ones in flight.
   */
  public List<ShapeSnapshot> snapshot() {
    State s = state;
    Histogram scratch = DistributionRecorder.newScratch();
    List<ShapeSnapshot> shapes = new ArrayList<>(s.recorders.size() + 1);
    for (ShapeRecorder recorder : s.recorders.values()) {
      addIfRecorded(shapes, recorder.snapshot(scratch));
    }
    addIfRecorded(shapes, s.overflow.snapshot(scratch));
    shapes.sort(LARGEST_TOTAL_FIRST);
    return List.copyOf(shapes);
  }

  private static void addIfRecorded(List<ShapeSnapshot> shapes, ShapeSnapshot shape) {
    if (shape.count() > 0) {
      shapes.add(shape);
    }
  }

  /**
   * Calls {@code action} with each shape that has a recorder of its own and the database it was
   * first recorded on; no statistics are read.
   */
  public void forEachShape(BiConsumer<QueryShape, Database> action) {
    for (ShapeRecorder recorder : state.recorders.values()) {
      action.accept(recorder.shape(), recorder.database());
    }
  }

  /** Approximate number of distinct shapes recorded under {@link QueryShape#OVERFLOW}. */
  public long droppedShapes() {
    return state.dropped.estimate();
  }

  /** Shapes with recorders of their own (at most {@link #maxShapes()}). */
  public int shapeCount() {
    return state.recorders.size();
  }

  public int maxShapes() {
    return maxShapes;
  }

  /** Forgets every shape, its statistics and the dropped-shape count. */
  public void reset() {
    state = new State(maxShapes);
  }

  /** Everything {@link #reset()} forgets. */
  private static final class State {
    final int maxShapes;
    final ConcurrentHashMap<QueryShape, ShapeRecorder> recorders = new ConcurrentHashMap<>(64);

    /** Recorders created or about to be; never above maxShapes. */
    final AtomicInteger admitted = new AtomicInteger();

    final ShapeRecorder overflow = new ShapeRecorder(QueryShape.OVERFLOW, Database.UNKNOWN);
    final DistinctCounter dropped = new DistinctCounter();

    State(int maxShapes) {
      this.maxShapes = maxShapes;
    }

    /** The recorder for a shape not found in the map: a new one, or the overflow recorder. */
    ShapeRecorder admit(QueryShape shape, Database database) {
      int n;
      do {
        n = admitted.get();
        if (n >= maxShapes) {
          dropped.add(shape.fingerprint());
          return overflow;
        }
      } while (!admitted.compareAndSet(n, n + 1));
      ShapeRecorder created = new ShapeRecorder(shape, database);
      ShapeRecorder raced = recorders.putIfAbsent(shape, created);
      if (raced != null) {
        admitted.decrementAndGet();
        return raced;
      }
      return created;
    }
  }
}
