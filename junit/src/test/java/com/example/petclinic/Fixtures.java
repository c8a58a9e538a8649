package com.example.petclinic;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a fixture class through the Jupiter engine, as a build would, and collects the outcomes. */
public final class Fixtures {
  /** A test that passed. */
  public static final Throwable PASSED = new Throwable("passed");

  private Fixtures() {}

  /**
   * Each test's outcome by display name: what it failed with, or {@link #PASSED}; and a class that
   * failed around its tests (its context did not start), by its display name.
   */
  public static Map<String, Throwable> run(Class<?> fixture, String... configuration) {
    EngineTestKit.Builder kit =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
    for (int i = 0; i < configuration.length; i += 2) {
      kit.configurationParameter(configuration[i], configuration[i + 1]);
    }
    EngineExecutionResults results = kit.execute();
    Map<String, Throwable> outcomes = new LinkedHashMap<>();
    results.testEvents().finished().stream()
        .forEach(
            event -> {
              Optional<Throwable> failure =
                  event.getPayload(TestExecutionResult.class).flatMap(r -> r.getThrowable());
              outcomes.put(event.getTestDescriptor().getDisplayName(), failure.orElse(PASSED));
            });
    results.containerEvents().failed().stream()
        .forEach(
            event ->
                outcomes.put(
                    event.getTestDescriptor().getDisplayName(),
                    event
                        .getPayload(TestExecutionResult.class)
                        .flatMap(r -> r.getThrowable())
                        .orElseThrow()));
    return outcomes;
  }
}
