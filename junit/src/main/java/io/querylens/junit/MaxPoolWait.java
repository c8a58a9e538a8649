package io.querylens.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails the test (or every test of the class) when its thread waited longer than {@link #value()}
 * in all to check connections out of a pool (beyond the physical connects made for them), as
 * QueryLens sees them over the pool ({@code QueryLens.wrap(pool)}, or the agent).
 *
 * <p>Wall-clock budgets are noisy: the wait depends on what else holds the pool's connections, the
 * machine's load and the pool's start-up. Use it to catch a test that starves its pool, with
 * generous headroom.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MaxPoolWait {
  /** The budget: an integer with a unit {@code ms}, {@code s} or {@code m}, e.g. {@code "50ms"}. */
  String value();
}
