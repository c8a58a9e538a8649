/** The jdbc:querylens: driver, the DataSource wrapper and the datasource-proxy listener. */
package io.querylens.jdbc;
