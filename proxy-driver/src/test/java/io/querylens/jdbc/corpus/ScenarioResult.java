package io.querylens.jdbc.corpus;

import io.querylens.core.Finding;
import java.util.List;
import java.util.Map;

/**
 * What one run of a scenario left in QueryLens.
 *
 * @param database where it ran
 * @param scenario the scenario
 * @param reported the findings of the snapshot taken after it
 * @param executions executions per shape text in that snapshot, to tell a scenario that did not do
 *     what its label says from a detector that missed it
 * @param error what the scenario threw, or null
 * @param elapsedNanos how long the body took
 */
record ScenarioResult(
    String database,
    Scenario scenario,
    List<Finding> reported,
    Map<String, Long> executions,
    Throwable error,
    long elapsedNanos) {}
