package io.querylens.agent.conformance;

import io.querylens.testing.BatchSuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: Statement and PreparedStatement batches. */
@Tag(AgentInstrumentation.TAG)
class BatchUnderAgentIT extends BatchSuite {
  BatchUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
