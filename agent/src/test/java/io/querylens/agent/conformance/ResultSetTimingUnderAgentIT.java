package io.querylens.agent.conformance;

import io.querylens.testing.ResultSetTimingSuite;
import org.junit.jupiter.api.Tag;

/** Conformance of the agent: fetch, process and rows of ResultSets. */
@Tag(AgentInstrumentation.TAG)
class ResultSetTimingUnderAgentIT extends ResultSetTimingSuite {
  ResultSetTimingUnderAgentIT() {
    super(AgentInstrumentation.INSTANCE);
  }
}
