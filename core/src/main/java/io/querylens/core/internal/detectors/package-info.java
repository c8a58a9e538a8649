/**
 * The built-in detectors, written against the public {@link io.querylens.core.Detector} SPI only:
 * n-plus-one, duplicate and chatty-writes (repetitions of one shape in a unit of work) and
 * unbounded-result (a SELECT read whole, large, with no row limit).
 */
package io.querylens.core.internal.detectors;
