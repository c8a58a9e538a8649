/**
 * A Spring Boot test fixture for the QueryLens agent: owners and their lazily loaded pets, served
 * over HTTP, with an n-plus-one at {@code GET /owners}.
 */
package com.example.boot;
