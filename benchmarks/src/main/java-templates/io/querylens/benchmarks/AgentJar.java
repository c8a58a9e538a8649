package io.querylens.benchmarks;

/**
 * Where the build left the shaded agent jar; filled in by Maven resource filtering (benchmarks
 * pom), so that {@link AgentOverheadBenchmark}'s fork annotation can name it.
 */
final class AgentJar {
  /** Absolute path of {@code agent/target/querylens-agent.jar} in the tree this was built from. */
  static final String PATH = "${querylens.agent.jar}";

  private AgentJar() {}
}
