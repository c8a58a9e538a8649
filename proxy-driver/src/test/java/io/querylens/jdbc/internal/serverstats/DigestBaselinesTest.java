package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestBaselinesTest {
  private final DigestBaselines baselines = new DigestBaselines(1);

  @Test
  void theFirstReadIsTheBaselineAndLaterReadsAddWhatChanged() {
    assertThat(read("a", figures(5, 500), true, false))
        .as("the baseline: matched, nothing counted")
        .isEqualTo(DigestFigures.ZERO);
    assertThat(read("a", figures(8, 800), true, false)).isEqualTo(figures(3, 300));
    assertThat(read("a", figures(8, 800), true, false)).as("no new calls").isNull();
  }

  @Test
  void aDigestFirstSeenSinceThePreviousReadCountsWhole() {
    read("a", figures(1, 1), true, false);
    assertThat(read("b", figures(4, 40), true, true)).isEqualTo(figures(4, 40));
    assertThat(read("c", figures(4, 40), true, false))
        .as("older: a new baseline")
        .isEqualTo(DigestFigures.ZERO);
    assertThat(read("c", figures(6, 60), true, false)).isEqualTo(figures(2, 20));
  }

  @Test
  void aDigestMatchedOnlyLaterWithoutNewCallsGivesNothingCountedOnce() {
    assertThat(read("a", figures(3, 30), false, false)).isNull();
    assertThat(read("a", figures(3, 30), false, false)).isNull();
    assertThat(read("a", figures(3, 30), true, false)).isEqualTo(DigestFigures.ZERO);
    assertThat(read("a", figures(3, 30), true, false)).as("once").isNull();
  }

  @Test
  void countersGoingBackwardsRestartTheBaseline() {
    read("a", figures(10, 1000), true, false);
    assertThat(read("a", figures(2, 200), true, false)).isNull();
    assertThat(read("a", figures(3, 300), true, false)).isEqualTo(figures(1, 100));
    assertThat(read("a", figures(1, 50), true, true))
        .as("truncated, then first seen again since the previous read")
        .isEqualTo(figures(1, 50));
  }

  @Test
  void unmatchedDigestsAreKeptUpToTheCapAndGoneOnesForgotten() {
    baselines.beginRead();
    baselines.advance("x", figures(1, 1), false, false);
    baselines.advance("y", figures(1, 1), false, false);
    baselines.advance("m", figures(1, 1), true, false);
    baselines.endRead();
    assertThat(baselines.size()).as("x and m; y past the cap of one").isEqualTo(2);
    assertThat(read("m", figures(2, 2), true, false)).isEqualTo(figures(1, 1));
    assertThat(baselines.size()).as("x gone from the server").isEqualTo(1);
  }

  private DigestFigures read(String digest, DigestFigures now, boolean matched, boolean fresh) {
    baselines.beginRead();
    DigestFigures delta = baselines.advance(digest, now, matched, fresh);
    baselines.endRead();
    return delta;
  }

  private static DigestFigures figures(long calls, long picos) {
    return new DigestFigures(calls, picos, 0, calls, 0, calls * 10, 0);
  }
}
