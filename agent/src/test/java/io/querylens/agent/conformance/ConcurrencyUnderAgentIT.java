package io.querylens.agent.conformance;

import io.querylens.testing.ConcurrencySuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: many threads over one pool. */
@Tag(AgentInstrumentation.TAG)
class ConcurrencyUnderAgentIT extends ConcurrencySuite {
  ConcurrencyUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
