package io.querylens.agent.internal;

import io.querylens.core.intercept.Faults;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The agent's one transformer: {@link CandidateFilter} picks the DataSources, Drivers, servlets and
 * filters among the classes loaded (or retransformed) and {@link Weaver} rewrites their methods.
 * Never throws: a class that cannot be rewritten is left as it is and counted as a fault.
 */
final class AgentTransformer implements ClassFileTransformer {
  private final CandidateFilter filter = new CandidateFilter();

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] bytes) {
    try {
      int roles = className == null ? 0 : filter.roles(loader, className, bytes);
      if (roles == 0) {
        return null;
      }
      if (!reachesAgent(loader)) {
        AgentLog.logger.debug(
            "QueryLens cannot reach its classes from the loader of {}", className);
        return null;
      }
      byte[] woven = Weaver.weave(bytes, roles);
      if (woven != null && AgentLog.logger.isDebugEnabled()) {
        AgentLog.logger.debug(
            "QueryLens instrumented {}{}",
            className.replace('/', '.'),
            classBeingRedefined == null ? "" : " (retransformed)");
      }
      return woven;
    } catch (Throwable t) {
      Faults.report("agent instrument", t);
      return null;
    }
  }

  /**
   * Whether code in {@code loader}'s classes resolves the hooks to the agent's own classes: else
   * the rewritten methods would throw {@code NoClassDefFoundError} into the application.
   */
  private static boolean reachesAgent(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    try {
      return Class.forName(Acquires.class.getName(), false, loader) == Acquires.class
          && Class.forName(ServletRequests.class.getName(), false, loader) == ServletRequests.class;
    } catch (Throwable t) {
      return false;
    }
  }
}
