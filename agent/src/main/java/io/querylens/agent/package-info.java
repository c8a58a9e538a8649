/**
 * The {@code -javaagent} entry point: {@link io.querylens.agent.QueryLensAgent}. Everything else
 * lives in {@code io.querylens.agent.internal}.
 */
package io.querylens.agent;
