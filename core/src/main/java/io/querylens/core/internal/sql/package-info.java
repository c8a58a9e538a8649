/**
 * SQL normalisation into query shapes in one pass over the characters ({@link
 * io.querylens.core.internal.sql.SqlNormalizer}, which names the classes that share the work), each
 * dialect's lexing rules ({@link io.querylens.core.internal.sql.DialectRules}), stable fingerprints
 * ({@link io.querylens.core.internal.sql.Fingerprint}) and the raw SQL to shape cache used on the
 * hot path ({@link io.querylens.core.internal.sql.ShapeCache}). Internal API: not for use outside
 * QueryLens.
 */
package io.querylens.core.internal.sql;
