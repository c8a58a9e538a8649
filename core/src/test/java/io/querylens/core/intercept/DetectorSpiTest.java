package io.querylens.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.Database;
import io.querylens.core.Detector;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.UnitExecution;
import io.querylens.core.UnitOfWork;
import io.querylens.core.config.QueryLensConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A detector of one's own, added through an extension, end to end through the recording. */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class DetectorSpiTest {
  private static final Database H2 = new Database("h2database", "test", null, -1);

  /** Flags {@code SELECT *}: one finding per unit and shape, counting its executions. */
  static final class SelectStarDetector implements Detector {
    static final FindingKind SELECT_STAR =
        FindingKind.of("select-star", "name the columns the code reads");

    final List<String> callSitesSeen = new ArrayList<>();

    @Override
    public void onExecution(UnitExecution e) {
      if (e.isRead() && e.shape().text().startsWith("select * ")) {
        if (!e.raised(SELECT_STAR)) {
          callSitesSeen.add(e.callSite());
        }
        e.raise(SELECT_STAR, 0, null, "reads every column of " + e.rows() + " rows");
      }
    }
  }

  private final Recording recording = Recording.create(QueryLensConfig.builder().build());
  private final SelectStarDetector detector = new SelectStarDetector();

  private QueryShape shape(String sql) {
    return recording.shapeOf(SqlDialect.H2, sql);
  }

  private static int line() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).get().getLineNumber();
  }

  @Test
  void aDetectorOfItsOwnRaisesItsKindWithItsHintExplanationAndTheApplicationsCallSite() {
    recording.install(context -> context.addDetector(detector));
    QueryShape star = shape("select * from owners where id = 1");
    int callLine;
    try (UnitOfWork unit = recording.unitOfWork("page")) {
      callLine = line() + 1;
      recording.recordCursor(H2, star, System.nanoTime(), 100, 10, 10, 1, true, 1, 0);
      recording.recordCursor(H2, star, System.nanoTime(), 100, 10, 10, 2, true, 2, 0);
    }

    List<Finding> findings = recording.snapshot().findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(SelectStarDetector.SELECT_STAR);
              assertThat(f.kind().label()).isEqualTo("select-star");
              assertThat(f.hint()).isEqualTo("name the columns the code reads");
              assertThat(f.explanation()).isEqualTo("reads every column of 2 rows");
              assertThat(f.totalCount()).isEqualTo(2);
              assertThat(f.occurrences()).isEqualTo(1);
              assertThat(f.unitNames()).containsExactly("page");
              // the detector is on the stack when it asks: the call site is the application's line
              assertThat(f.callSite())
                  .endsWith("(DetectorSpiTest.java:" + callLine + ")")
                  .doesNotContain("SelectStarDetector");
            });
    assertThat(detector.callSitesSeen).containsExactly(findings.get(0).callSite());
  }

  @Test
  void aThrowingDetectorIsCountedAndTheOthersStillRun() {
    long faults = Faults.count();
    recording.install(
        context -> {
          context.addDetector(
              e -> {
                throw new IllegalStateException("broken detector");
              });
          context.addDetector(detector);
        });
    try (UnitOfWork unit = recording.unitOfWork("page")) {
      recording.recordCursor(
          H2, shape("select * from pets"), System.nanoTime(), 1, 1, 1, 3, true, 0, 0);
    }

    assertThat(Faults.count()).isEqualTo(faults + 1);
    assertThat(recording.snapshot().findings())
        .extracting(f -> f.kind().label())
        .containsExactly("select-star");
  }

  @Test
  void aFindingListenerThatRunsAQueryDoesNotDisturbTheExecutionBeingDetected() {
    QueryShape audit = shape("insert into audit values (1)");
    recording.install(
        context -> {
          context.addDetector(detector);
          context.addFindingListener(
              (finding, unit, isNew) ->
                  recording.record(H2, audit, System.nanoTime(), 50, 1, 0, 9, 0));
          context.addDetector(detector); // runs after the listener, on the same execution
        });
    try (UnitOfWork unit = recording.unitOfWork("page")) {
      recording.recordCursor(
          H2, shape("select * from visits"), System.nanoTime(), 1, 1, 1, 4, true, 0, 0);
    }

    Finding f = recording.snapshot().findings().get(0);
    assertThat(f.shape().text()).isEqualTo("select * from visits");
    assertThat(f.explanation()).isEqualTo("reads every column of 4 rows");
  }

  @Test
  void kindsAreKebabCaseLabelsWithAHintAndEqualByLabel() {
    assertThat(FindingKind.of("n-plus-one", "x")).isEqualTo(FindingKind.N_PLUS_ONE);
    assertThat(FindingKind.builtIns())
        .extracting(FindingKind::label)
        .containsExactly("n-plus-one", "duplicate", "chatty-writes", "unbounded-result");
    assertThatThrownBy(() -> FindingKind.of("Select Star", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FindingKind.of("select-star", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
