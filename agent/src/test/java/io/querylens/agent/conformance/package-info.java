/**
 * The shared JDBC conformance suites run in a JVM started with {@code -javaagent}: the application
 * side is plain JDBC and the agent does the wrapping.
 */
package io.querylens.agent.conformance;
