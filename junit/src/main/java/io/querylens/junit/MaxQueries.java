package io.querylens.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails the test (or every test of the class) when its thread ran more than {@link #value()}
 * statements that match the filters: {@code @MaxQueries(value = 1, operation = "SELECT", shape =
 * "from owners")}. A batch counts once, as the one round trip it is.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MaxQueries {
  /** Most statements allowed. */
  int value();

  /** Counts only this operation ({@code SELECT}, {@code INSERT}, ...; any case); empty for all. */
  String operation() default "";

  /** Counts only shapes whose normalised SQL contains this text (any case); empty for all. */
  String shape() default "";
}
