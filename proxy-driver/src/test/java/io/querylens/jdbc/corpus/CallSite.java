package io.querylens.jdbc.corpus;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The line of a scenario's repeated call, the call site a finding must name. Scenario code wraps
 * the object it calls on that line, e.g. {@code SITE.mark(statement).executeQuery()}, so the line
 * is read from the running code and never written down by hand. Every mark of one site must be on
 * one line; a second line is a bug in the scenario.
 */
final class CallSite {
  private static final StackWalker walker =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private final String label;
  private final AtomicReference<StackWalker.StackFrame> frame = new AtomicReference<>();

  CallSite(String label) {
    this.label = label;
  }

  /** Records the caller's line and returns {@code target}, so the call can go on in place. */
  <T> T mark(T target) {
    StackWalker.StackFrame caller = walker.walk(frames -> frames.skip(1).findFirst()).orElseThrow();
    StackWalker.StackFrame first = frame.updateAndGet(f -> f == null ? caller : f);
    if (!sameLine(first, caller)) {
      throw new IllegalStateException(
          "call site " + label + " marked at " + format(first) + " and at " + format(caller));
    }
    return target;
  }

  /** Whether a scenario run has reached this site. */
  boolean isKnown() {
    return frame.get() != null;
  }

  /** {@code PlainJdbcScenarios.java:42}, the part of a call site findings are matched on. */
  String fileAndLine() {
    StackWalker.StackFrame f = frame.get();
    return f == null ? "(" + label + " never reached)" : f.getFileName() + ":" + f.getLineNumber();
  }

  /** The whole frame as findings print it, {@code pkg.Class.method(File.java:42)}. */
  String frame() {
    StackWalker.StackFrame f = frame.get();
    return f == null ? fileAndLine() : format(f);
  }

  private static boolean sameLine(StackWalker.StackFrame a, StackWalker.StackFrame b) {
    return a.getClassName().equals(b.getClassName()) && a.getLineNumber() == b.getLineNumber();
  }

  private static String format(StackWalker.StackFrame f) {
    return f.getClassName()
        + "."
        + f.getMethodName()
        + "("
        + f.getFileName()
        + ":"
        + f.getLineNumber()
        + ")";
  }

  @Override
  public String toString() {
    return label + "@" + fileAndLine();
  }
}
