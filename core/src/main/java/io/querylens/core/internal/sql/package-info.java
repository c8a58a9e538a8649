/**
 * SQL normalisation into query shapes ({@link io.querylens.core.internal.sql.SqlNormalizer}), their
 * stable fingerprints ({@link io.querylens.core.internal.sql.Fingerprint}) and the raw SQL to shape
 * cache used on the hot path ({@link io.querylens.core.internal.sql.ShapeCache}). Internal API: not
 * for use outside QueryLens.
 */
package io.querylens.core.internal.sql;
