package io.querylens.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParameterHashTest {
  @Test
  void equalValuesHashEquallyAndDifferentValuesDiffer() {
    assertThat(ParameterHash.of("abc")).isEqualTo(ParameterHash.of(new String("abc")));
    assertThat(ParameterHash.of("abc")).isNotEqualTo(ParameterHash.of("abd"));
    assertThat(ParameterHash.of(42L)).isNotEqualTo(ParameterHash.of(43L));
    assertThat(ParameterHash.of(new BigDecimal("1.50")))
        .isEqualTo(ParameterHash.of(new BigDecimal("1.50")));
    assertThat(ParameterHash.of(LocalDate.of(2026, 11, 25)))
        .isEqualTo(ParameterHash.of(LocalDate.of(2026, 11, 25)));
    assertThat(ParameterHash.of(new byte[] {1, 2, 3}))
        .isEqualTo(ParameterHash.of(new byte[] {1, 2, 3}))
        .isNotEqualTo(ParameterHash.of(new byte[] {1, 2, 4}));
    assertThat(ParameterHash.of((Object) null)).isEqualTo(ParameterHash.NULL);
  }

  @Test
  void positionMatters() {
    long a = ParameterHash.of(1L);
    long b = ParameterHash.of(2L);
    assertThat(ParameterHash.bind(1, a) + ParameterHash.bind(2, b))
        .isNotEqualTo(ParameterHash.bind(1, b) + ParameterHash.bind(2, a));
  }

  @Test
  void aValueWhoseHashCodeThrowsFallsBackToIdentity() {
    Number hostile =
        new Number() {
          private static final long serialVersionUID = 1L;

          @Override
          public int hashCode() {
            throw new IllegalStateException("application bug");
          }

          @Override
          public int intValue() {
            return 0;
          }

          @Override
          public long longValue() {
            return 0;
          }

          @Override
          public float floatValue() {
            return 0;
          }

          @Override
          public double doubleValue() {
            return 0;
          }
        };
    assertThat(ParameterHash.of(hostile)).isEqualTo(ParameterHash.of(hostile));
  }
}
