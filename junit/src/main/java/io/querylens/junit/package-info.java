/**
 * QueryLens in JUnit 5 tests: {@link io.querylens.junit.QueryLensTest} makes each test a unit of
 * work, the budget annotations fail a test that shows an N+1 or runs too many statements, and
 * {@link io.querylens.junit.QueryLensAssertions} asserts the same from code.
 */
package io.querylens.junit;
