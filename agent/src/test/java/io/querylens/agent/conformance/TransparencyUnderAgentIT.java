package io.querylens.agent.conformance;

import io.querylens.testing.TransparencySuite;

/** Conformance of the agent: exceptions, results, unwrap and wrapping twice. */
class TransparencyUnderAgentIT extends TransparencySuite {
  TransparencyUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
