/**
 * Shared JDBC conformance suites: abstract JUnit 5 classes that a module subclasses with its way of
 * instrumenting a DataSource, run over H2, PostgreSQL and MariaDB, bare and under HikariCP.
 */
package io.querylens.testing;
