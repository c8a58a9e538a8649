package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0}ns -> {1}")
  @CsvSource({
    "0, 0ns",
    "850, 850ns",
    "999, 999ns",
    "1000, 1.00µs",
    "1234, 1.23µs",
    "1235, 1.24µs",
    "9994, 9.99µs",
    "9995, 10.0µs",
    "12345, 12.3µs",
    "99949, 99.9µs",
    "99950, 100µs",
    "123456, 123µs",
    "999499, 999µs",
    "999500, 1.00ms",
    "4561000, 4.56ms",
    "45600000, 45.6ms",
    "456000000, 456ms",
    "999499999, 999ms",
    "999500000, 1.00s",
    "1234000000, 1.23s",
    "12340000000, 12.3s",
    "59949999999, 59.9s",
    "59950000000, 1m00s",
    "123000000000, 2m03s",
    "123499999999, 2m03s",
    "123500000000, 2m04s",
    "3599499999999, 59m59s",
    "3599500000000, 1h00m",
    "3900000000000, 1h05m",
    "90000000000000, 25h00m",
    "-1500, -1.50µs",
  })
  void formatsWithThreeSignificantDigitsInTheLargestFittingUnit(long nanos, String expected) {
    assertThat(Durations.format(nanos)).isEqualTo(expected);
  }

  @Test
  void extremeValuesDoNotOverflow() {
    assertThat(Durations.format(Long.MAX_VALUE)).isEqualTo("2562047h47m");
    assertThat(Durations.format(Long.MIN_VALUE)).isEqualTo("-2562047h47m");
  }
}
