package io.querylens.agent.conformance;

import io.querylens.testing.CallableStatementSuite;

/** Conformance of the agent: stored routine calls. */
class CallableStatementUnderAgentIT extends CallableStatementSuite {
  CallableStatementUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
