package io.querylens.spring;

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
}
