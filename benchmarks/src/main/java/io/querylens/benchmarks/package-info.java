/**
 * JMH benchmarks measuring what QueryLens and its peers add to plain JDBC calls on H2, and what
 * reading the database's own statistics costs on PostgreSQL.
 */
package io.querylens.benchmarks;
