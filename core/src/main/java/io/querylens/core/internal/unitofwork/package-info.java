/**
 * Diagnosis: units of work per thread, incremental detection of n-plus-one, duplicate and
 * chatty-writes findings, their aggregation, and the application/database time split.
 */
package io.querylens.core.internal.unitofwork;
