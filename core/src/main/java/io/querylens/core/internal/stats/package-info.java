/**
 * Per-shape and connection statistics: lock-free recorders written on every JDBC call, read into
 * immutable snapshots.
 */
package io.querylens.core.internal.stats;
