package io.querylens.agent.conformance;

import io.querylens.testing.PreparedStatementSuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: PreparedStatement executions, reused and not. */
@Tag(AgentInstrumentation.TAG)
class PreparedStatementUnderAgentIT extends PreparedStatementSuite {
  PreparedStatementUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
