/**
 * A Spring Boot test fixture for the QueryLens agent: owners and their lazily loaded pets, served
 * over HTTP, with an n-plus-one at {@code GET /owners}. Hibernate creates the schema and Spring's
 * SQL initialisation seeds it at start-up ({@code schema.sql}, {@code data.sql}), row by row, as
 * spring-petclinic does.
 */
package com.example.boot;
