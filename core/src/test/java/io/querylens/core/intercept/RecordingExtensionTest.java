package io.querylens.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.UnitOfWork;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingExtensionTest {
  private static final Database PG = new Database("postgresql", "app", "db.example", 5432);
  private static final Database H2 = new Database("h2database", "test", null, -1);

  private final Recording recording = Recording.create(QueryLensConfig.builder().build());
  private final List<Execution> executions = new ArrayList<>();
  private final List<QueryShape> returned = new ArrayList<>();
  private final List<long[]> checkouts = new ArrayList<>();

  private final ExecutionListener listener =
      new ExecutionListener() {
        @Override
        public void onExecution(Execution execution) {
          executions.add(execution);
        }

        @Override
        public void onExecuteReturned(QueryShape shape) {
          returned.add(shape);
        }

        @Override
        public void onCheckout(long poolWaitNanos, long connectNanos) {
          checkouts.add(new long[] {poolWaitNanos, connectNanos});
        }
      };

  @Test
  void anExtensionIsGivenTheRecordingsConfigListenersAndSnapshots() {
    List<QueryLensExtension.Context> contexts = new ArrayList<>();
    recording.install(
        context -> {
          contexts.add(context);
          context.addExecutionListener(listener);
        });
    QueryShape shape =
        recording.shapeOf(SqlDialect.POSTGRESQL, "select * from owners where id = 1");
    recording.record(PG, shape, 10, 100, 1, 0, 7, 0);

    assertThat(contexts).hasSize(1);
    assertThat(contexts.get(0).config()).isSameAs(recording.config());
    assertThat(executions).extracting(Execution::database).containsExactly(PG);
    assertThat(contexts.get(0).snapshot().shapes()).extracting(ShapeSnapshot::count).contains(1L);
  }

  @Test
  void theSnapshotCountsTheFindingsDroppedPastMaxFindings() {
    Recording limited =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.MAX_FINDINGS, 1).build());
    for (String table : List.of("owners", "pets", "visits")) {
      QueryShape shape =
          limited.shapeOf(SqlDialect.POSTGRESQL, "select * from " + table + " where id = 1");
      UnitOfWork unit = limited.unitOfWork("page " + table);
      for (int i = 0; i < 6; i++) {
        limited.record(PG, shape, System.nanoTime(), 100, 1, 0, i, 0);
      }
      unit.close();
    }

    assertThat(limited.snapshot().findings()).hasSize(1);
    assertThat(limited.snapshot().droppedFindings()).isEqualTo(2);
    limited.reset();
    assertThat(limited.snapshot().droppedFindings()).isZero();
  }

  @Test
  void aThrowingExtensionIsCountedAndTheRecordingGoesOn() {
    long faults = Faults.count();
    recording.install(
        context -> {
          throw new IllegalStateException("broken extension");
        });
    recording.record(PG, recording.shapeOf(SqlDialect.POSTGRESQL, "select 1"), 10, 100, 1, 0, 7, 0);
    assertThat(Faults.count()).isEqualTo(faults + 1);
    assertThat(recording.snapshot().shapes()).hasSize(1);
  }

  @Test
  void executionsCarryTheErrorsClassSqlStateAndVendorCode() {
    recording.addExecutionListener(listener);
    QueryShape shape = recording.shapeOf(SqlDialect.POSTGRESQL, "insert into owners values (?)");
    recording.recordFailure(
        PG, shape, 10, 100, 0, new SQLException("duplicate", "23505", 1062), 7, 0);
    recording.recordFailure(PG, shape, 10, 100, 0, new IllegalStateException("x"), 7, 0);

    Execution sql = executions.get(0);
    assertThat(sql.failed()).isTrue();
    assertThat(sql.errorType()).isEqualTo("java.sql.SQLException");
    assertThat(sql.sqlState()).isEqualTo("23505");
    assertThat(sql.vendorCode()).isEqualTo(1062);
    Execution other = executions.get(1);
    assertThat(other.errorType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(other.sqlState()).isNull();
    assertThat(other.vendorCode()).isZero();
  }

  @Test
  void listenersHearEachCheckoutsPoolWaitAndConnect() {
    recording.addExecutionListener(listener);
    recording.recordCheckout(300, 200, true);
    recording.recordCheckout(-5, 40, false); // a clock that stepped back counts as no wait
    assertThat(checkouts).containsExactly(new long[] {300, 200}, new long[] {0, 40});
  }

  @Test
  void listenersHearAnExecuteReturnBeforeItsCursorIsRecorded() {
    recording.addExecutionListener(listener);
    QueryShape shape = recording.shapeOf(SqlDialect.POSTGRESQL, "select * from owners");
    recording.cursorOpened(shape);
    recording.executeReturned(shape);
    assertThat(returned).containsExactly(shape);
    assertThat(executions).isEmpty();
    recording.recordCursor(PG, shape, 10, 100, 20, 30, 3, false, 0, 0);
    recording.recordLater(PG, shape, 10, 100, 4, 0, 0);
    recording.record(PG, shape, 10, 100, 4, 0, 0, 0);
    assertThat(executions).extracting(Execution::insideExecute).containsExactly(false, false, true);
  }

  @Test
  void aShapeIsAttributedToTheDatabaseItWasFirstRecordedOn() {
    QueryShape shape = recording.shapeOf(SqlDialect.POSTGRESQL, "select * from owners");
    recording.record(H2, shape, 10, 100, 1, 0, 7, 0);
    recording.record(PG, shape, 10, 100, 1, 0, 7, 0);
    assertThat(recording.snapshot().shapes())
        .singleElement()
        .satisfies(s -> assertThat(s.database()).isEqualTo(H2))
        .satisfies(s -> assertThat(s.count()).isEqualTo(2));
  }
}
