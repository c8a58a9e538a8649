package io.querylens.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails the test (or every test of the class) when the database time of its thread's statements
 * (inside execute calls and {@code ResultSet.next()}) exceeds {@link #value()}.
 *
 * <p>Wall-clock budgets are noisy: a loaded build machine, a cold JIT, a garbage collection or a
 * shared database can each double a test's time. Prefer {@link MaxQueries} and {@link NoNPlusOne},
 * which count round trips and do not flake; give a time budget generous headroom.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MaxDatabaseTime {
  /**
   * The budget: an integer with a unit {@code ms}, {@code s} or {@code m}, e.g. {@code "200ms"}.
   */
  String value();
}
