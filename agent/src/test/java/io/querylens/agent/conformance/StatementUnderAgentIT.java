package io.querylens.agent.conformance;

import io.querylens.testing.StatementSuite;

/**
 * Conformance of the agent: Statement execute, executeQuery, executeUpdate and executeLargeUpdate.
 */
class StatementUnderAgentIT extends StatementSuite {
  StatementUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
