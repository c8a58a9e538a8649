package io.querylens.agent;

import io.querylens.agent.internal.AgentInstaller;
import io.querylens.agent.internal.Attacher;
import java.lang.instrument.Instrumentation;

/**
 * The QueryLens Java agent. Attached at start-up with {@code
 * -javaagent:querylens-agent.jar[=key=value,...]} or to a running JVM with {@code java -jar
 * querylens-agent.jar <pid> [key=value,...]}, it wraps every {@link java.sql.Connection} that a
 * {@link javax.sql.DataSource} or a {@link java.sql.Driver} hands out, so that the application's
 * executions are recorded as with the {@code jdbc:querylens:} driver. The arguments are {@code
 * querylens.*} configuration keys without the prefix ({@code report.json=/tmp/q.json}); they win
 * over system properties and environment variables.
 */
public final class QueryLensAgent {
  private QueryLensAgent() {}

  /** Called by the JVM for {@code -javaagent:querylens-agent.jar=args} before {@code main}. */
  public static void premain(String args, Instrumentation instrumentation) {
    AgentInstaller.install(args, instrumentation, false);
  }

  /** Called by the JVM when the agent is attached to it while it runs. */
  public static void agentmain(String args, Instrumentation instrumentation) {
    AgentInstaller.install(args, instrumentation, true);
  }

  /**
   * {@code java -jar querylens-agent.jar <pid> [key=value,...]}: attaches the agent to the running
   * JVM {@code pid}. Exits with status 0 when attached, 1 when the attach failed, 2 on a usage
   * error.
   */
  public static void main(String[] args) {
    System.exit(Attacher.run(args, System.out, System.err));
  }
}
