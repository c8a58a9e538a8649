package io.querylens.agent.conformance;

import io.querylens.testing.BatchSuite;

/** Conformance of the agent: Statement and PreparedStatement batches. */
class BatchUnderAgentIT extends BatchSuite {
  BatchUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
