package io.querylens.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails the test (or every test of the class) unless no shape of the test's unit of work reaches
 * the n-plus-one finding: the same SELECT shape executed again and again with different parameters
 * ({@code querylens.nplusone.threshold} times, 5 by default). Recorded on the test's own thread,
 * from its start to its end; needs {@link QueryLensTest}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoNPlusOne {}
