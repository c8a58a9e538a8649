package io.querylens.core;

/**
 * Receives every {@link Execution} on the thread that ran it. Implementations must be fast, must
 * not block and must not throw; the caller catches and counts anything they throw.
 */
@FunctionalInterface
public interface ExecutionListener {
  void onExecution(Execution execution);
}
