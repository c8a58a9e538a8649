package io.querylens.jdbc.internal.serverstats;

/**
 * The thread reading database statistics, {@value #NAME}: a daemon, so it never keeps the JVM
 * alive. Connections it opens are never recorded: the places that wrap connections ask {@link
 * #isCurrent()} when a connection is opened. Internal: public only for the driver and the agent.
 */
public final class ReaderThread extends Thread {
  static final String NAME = "querylens-database-stats";

  ReaderThread(Runnable body) {
    super(body, NAME);
    setDaemon(true);
    setContextClassLoader(ReaderThread.class.getClassLoader());
  }

  /** Whether the calling thread is a statistics reader, whose connections QueryLens skips. */
  public static boolean isCurrent() {
    return Thread.currentThread() instanceof ReaderThread;
  }
}
