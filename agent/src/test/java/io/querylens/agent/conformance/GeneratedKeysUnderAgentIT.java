package io.querylens.agent.conformance;

import io.querylens.testing.GeneratedKeysSuite;

/** Conformance of the agent: generated keys. */
class GeneratedKeysUnderAgentIT extends GeneratedKeysSuite {
  GeneratedKeysUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
