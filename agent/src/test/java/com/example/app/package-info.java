/**
 * Programs with no QueryLens code that the agent's integration tests run in child JVMs under {@code
 * -javaagent}.
 */
package com.example.app;
