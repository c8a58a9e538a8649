package io.querylens.agent.conformance;

import io.querylens.testing.CallableStatementSuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: stored routine calls. */
@Tag(AgentInstrumentation.TAG)
class CallableStatementUnderAgentIT extends CallableStatementSuite {
  CallableStatementUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
