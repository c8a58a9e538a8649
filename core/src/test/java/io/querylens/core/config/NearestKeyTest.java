package io.querylens.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestKeyTest {
  private static final List<String> KEYS =
      List.of(
          "querylens.enabled",
          "querylens.max-shapes",
          "querylens.sql-cache.max-entries",
          "querylens.report.top");

  private static String near(String unknown) {
    return NearestKey.find(unknown, KEYS, "querylens.", '.');
  }

  @Test
  void swappingTwoNeighboursCostsOne() {
    assertThat(NearestKey.distance("shapes", "shpaes")).isEqualTo(1);
    assertThat(NearestKey.distance("abc", "abc")).isZero();
    assertThat(NearestKey.distance("", "abc")).isEqualTo(3);
    assertThat(NearestKey.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggestsTheKeyWithinASmallDistance() {
    assertThat(near("querylens.max-shape")).isEqualTo("querylens.max-shapes");
    assertThat(near("querylens.max_shapes")).isEqualTo("querylens.max-shapes");
    assertThat(near("querylens.maxshpaes")).isEqualTo("querylens.max-shapes");
    assertThat(near("querylens.Max-Shapes")).isEqualTo("querylens.max-shapes");
    assertThat(near("querylens.enable")).isEqualTo("querylens.enabled");
    assertThat(near("querylens.sqlcache.max-entries")).isEqualTo("querylens.sql-cache.max-entries");
  }

  @Test
  void suggestsTheKeyWithTheSameLastSegmentWhenTheAreaIsMissing() {
    assertThat(near("querylens.top")).isEqualTo("querylens.report.top");
    assertThat(near("querylens.max-entries")).isEqualTo("querylens.sql-cache.max-entries");
  }

  @Test
  void suggestsNothingForUnrelatedNames() {
    assertThat(near("querylens.colour")).isNull();
    assertThat(near("querylens.xyz")).isNull();
    assertThat(near("querylens.threshold")).isNull();
  }

  @Test
  void shortNamesAllowOnlyOneEdit() {
    assertThat(near("querylens.tap"))
        .isNull(); // "top" is 1 away but not a key; "report.top" is far
    assertThat(NearestKey.find("querylens.ab", List.of("querylens.xy"), "querylens.", '.'))
        .isNull();
    assertThat(NearestKey.find("querylens.ab", List.of("querylens.ax"), "querylens.", '.'))
        .isEqualTo("querylens.ax");
  }
}
