package io.querylens.spring;

import org.springframework.util.ClassUtils;

/**
 * How the starter tells that the QueryLens agent is attached: {@code -javaagent} (and a dynamic
 * attach) puts the agent jar on the system class path, so its entry class is visible to the
 * application's class loader. The agent then records every DataSource and names servlet requests
 * itself, and the starter stands aside for both.
 */
final class QueryLensAgentPresence {
  /** The agent's entry class, which no other QueryLens artefact contains. */
  static final String AGENT_CLASS = "io.querylens.agent.QueryLensAgent";

  private QueryLensAgentPresence() {}

  /** Whether the agent is attached, as {@code loader} (the application's) sees it. */
  static boolean isAttached(ClassLoader loader) {
    return ClassUtils.isPresent(AGENT_CLASS, loader);
  }
}
