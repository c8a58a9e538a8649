package io.querylens.agent.conformance;

import io.querylens.testing.PreparedStatementSuite;

/** Conformance of the agent: PreparedStatement executions, reused and not. */
class PreparedStatementUnderAgentIT extends PreparedStatementSuite {
  PreparedStatementUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
