package io.querylens.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records each test method of the class as its own unit of work and judges the budgets declared on
 * it ({@link NoNPlusOne}, {@link MaxQueries}, ...): the same as
 * {@code @ExtendWith(QueryLensJUnitExtension.class)}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(QueryLensJUnitExtension.class)
public @interface QueryLensTest {}
