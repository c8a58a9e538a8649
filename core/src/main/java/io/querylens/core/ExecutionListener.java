package io.querylens.core;

/**
 * Receives every {@link Execution} on the thread that ran it. Implementations must be fast, must
 * not block and must not throw; the caller catches and counts anything they throw.
 */
@FunctionalInterface
public interface ExecutionListener {
  void onExecution(Execution execution);

  /**
   * An execute call is returning a cursor, or an outcome the application has not read yet: its
   * execution is delivered later, when the cursor ends or the outcome is read. Called on the
   * application's thread inside the execute call (so whatever that call made current, such as
   * another tool's span, still is). Does nothing unless overridden.
   */
  default void onExecuteReturned(QueryShape shape) {}

  /**
   * The application checked out a connection on this thread: it waited {@code poolWaitNanos} in a
   * pool beyond the {@code connectNanos} of physical connects made for it, as the time split counts
   * them. Called on the application's thread as {@code getConnection()} returns. Does nothing
   * unless overridden.
   */
  default void onCheckout(long poolWaitNanos, long connectNanos) {}
}
