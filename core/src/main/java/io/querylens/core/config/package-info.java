/**
 * QueryLens configuration: the keys, each declared once in {@link
 * io.querylens.core.config.ConfigKey}, and the immutable {@link
 * io.querylens.core.config.QueryLensConfig}, read from agent arguments, system properties {@code
 * querylens.*} and environment variables {@code QUERYLENS_*}.
 */
package io.querylens.core.config;
