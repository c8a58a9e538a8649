/**
 * Diagnosis: units of work per thread ({@code UnitOfWorkTracker}), running the detectors over each
 * unit's executions ({@code Detection}), the aggregation of their findings, and the
 * application/database time split read from it ({@code Diagnosis}).
 */
package io.querylens.core.internal.unitofwork;
