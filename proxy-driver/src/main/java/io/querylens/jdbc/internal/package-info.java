/**
 * Delegating JDBC wrappers that turn calls into executions, and the reading of JDBC URLs; internal,
 * public only for the agent and the driver.
 */
package io.querylens.jdbc.internal;
