package io.querylens.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.Finding;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.config.QueryLensConfig;
import org.junit.jupiter.api.Test;

class RecordingSnapshotTest {
  private static final Database H2 = new Database("h2database", "test", null, -1);

  /**
   * A thread raises an N+1 and dies with its unit still open; the snapshot folds the unit away,
   * which stamps the finding's last sighting as it is read. The snapshot's time, read before the
   * findings, used to come out earlier than that whenever the clock ticked in between; read after
   * them, it never does. Repeated, since one tick is a matter of chance.
   */
  @Test
  void aSnapshotIsNeverTakenBeforeItsFindingsWereLastSeen() throws Exception {
    for (int round = 0; round < 50; round++) {
      Recording recording = Recording.create(QueryLensConfig.builder().build());
      QueryShape lines = recording.shapeOf(SqlDialect.H2, "select * from lines where order_id = 1");
      Thread worker =
          new Thread(
              () -> {
                for (int i = 0; i < 6; i++) {
                  recording.recordCursor(H2, lines, System.nanoTime(), 100, 10, 10, 1, true, i, 0);
                }
              },
              "worker-" + round);
      worker.start();
      worker.join();

      QueryLensSnapshot s = recording.snapshot();

      assertThat(s.findings()).hasSize(1);
      for (Finding f : s.findings()) {
        assertThat(s.takenAtMillis())
            .as("round %d", round)
            .isGreaterThanOrEqualTo(f.lastSeenMillis());
      }
    }
  }
}
