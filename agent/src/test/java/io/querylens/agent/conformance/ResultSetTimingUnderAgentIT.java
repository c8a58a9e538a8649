package io.querylens.agent.conformance;

import io.querylens.testing.ResultSetTimingSuite;

/** Conformance of the agent: fetch, process and rows of ResultSets. */
class ResultSetTimingUnderAgentIT extends ResultSetTimingSuite {
  ResultSetTimingUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
