package io.querylens.jdbc.internal;

import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.lang.StackWalker.StackFrame;
import java.sql.Driver;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Tells who asked for a physical connection that the outermost {@code getConnection}/{@code
 * connect} on a thread is returning as it is: the application (its checkout, whose close ends a
 * hold), or a pool or another library that keeps it (a pool filling itself on its own threads, or
 * inside its own {@code getConnection}). Walks the stack once per such connect, never per
 * execution. Internal: public only for the driver and the agent.
 */
public final class Requesters {
  private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
  private static final String QUERYLENS = "io.querylens.";

  private static final StackWalker walker = walker();

  private Requesters() {}

  /**
   * Whether the caller of the connection layers now on the stack is the application's code: the
   * first frame that is not the JDK's, QueryLens's own, or a {@code DataSource} or {@code Driver}
   * (the layers themselves), judged by {@link Recording#isApplication}. False when that frame is a
   * library's (a pool, a framework) or the stack cannot be walked. Never throws.
   */
  public static boolean isApplication(Recording recording) {
    if (walker == null) {
      return false;
    }
    try {
      return walker.walk(frames -> firstCallerIsApplication(recording, frames));
    } catch (Throwable t) {
      Faults.report("connection requester", t);
      return false;
    }
  }

  private static boolean firstCallerIsApplication(Recording recording, Stream<StackFrame> frames) {
    for (Iterator<StackFrame> it = frames.iterator(); it.hasNext(); ) {
      Class<?> type = it.next().getDeclaringClass();
      String name = type.getName();
      if (startsWithAny(name, JDK)
          || DataSource.class.isAssignableFrom(type)
          || Driver.class.isAssignableFrom(type)) {
        continue;
      }
      boolean application = recording.isApplication(type);
      if (name.startsWith(QUERYLENS) && !application) {
        continue; // QueryLens's own layers and hooks
      }
      return application;
    }
    return false;
  }

  private static boolean startsWithAny(String name, String[] prefixes) {
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static StackWalker walker() {
    try {
      return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    } catch (RuntimeException e) {
      return null; // a security manager that forbids it: no physical connect is taken for a
      // checkout
    }
  }
}
