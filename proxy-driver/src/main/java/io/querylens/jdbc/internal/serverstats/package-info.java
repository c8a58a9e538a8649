/**
 * Reads database servers' own statement statistics on a separate statistics connection, on one
 * reader thread per recording; internal, public only for the driver, the DataSource wrapper and the
 * agent.
 */
package io.querylens.jdbc.internal.serverstats;
