/**
 * The start-up phase under real script runners: Spring's SQL initialisation, Hibernate's schema
 * tools.
 */
package io.querylens.jdbc.startup;
