package io.querylens.agent.conformance;

import io.querylens.testing.ConcurrencySuite;

/** Conformance of the agent: many threads over one pool. */
class ConcurrencyUnderAgentIT extends ConcurrencySuite {
  ConcurrencyUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
