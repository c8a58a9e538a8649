package io.querylens.agent.conformance;

import io.querylens.testing.GeneratedKeysSuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: generated keys. */
@Tag(AgentInstrumentation.TAG)
class GeneratedKeysUnderAgentIT extends GeneratedKeysSuite {
  GeneratedKeysUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
