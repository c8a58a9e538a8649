package io.querylens.agent.conformance;

import io.querylens.testing.TransparencySuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: exceptions, results, unwrap and wrapping twice. */
@Tag(AgentInstrumentation.TAG)
class TransparencyUnderAgentIT extends TransparencySuite {
  TransparencyUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
