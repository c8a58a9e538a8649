package io.querylens.agent.conformance;

import io.querylens.testing.StatementSuite;
import org.junit.jupiter.api.Tag;

/**
 * Conformance of the agent: Statement execute, executeQuery, executeUpdate and executeLargeUpdate.
 */
@Tag(AgentInstrumentation.TAG)
class StatementUnderAgentIT extends StatementSuite {
  StatementUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
