/**
 * Delegating JDBC wrappers that turn calls into executions; internal, public only for the agent.
 */
package io.querylens.jdbc.internal;
