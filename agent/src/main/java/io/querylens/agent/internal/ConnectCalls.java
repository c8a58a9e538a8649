package io.querylens.agent.internal;

import java.util.Arrays;
import java.util.Properties;

/**
 * Per thread, the arguments of the rewritten {@code Driver.connect} calls in progress, innermost
 * last, so that the call that opened a physical connection hands its own URL and properties to the
 * statistics reader. Each call's slot is emptied when it ends: no URL or password outlives its
 * call.
 */
final class ConnectCalls {
  /** Nested calls kept; deeper ones share the last slot, where the innermost is written last. */
  private static final int MAX_LEVELS = 8;

  private static final ThreadLocal<ConnectCalls> calls = ThreadLocal.withInitial(ConnectCalls::new);

  /** One call's arguments: {@code this}, the URL and the properties. */
  record Call(Object driver, String url, Properties info) {}

  private final Call[] levels = new Call[MAX_LEVELS];
  private int depth;

  private ConnectCalls() {}

  /** A connect call with these arguments starts on this thread. */
  static void push(Object driver, String url, Properties info) {
    ConnectCalls c = calls.get();
    c.levels[Math.min(c.depth, MAX_LEVELS - 1)] = new Call(driver, url, info);
    c.depth++;
  }

  /** The innermost connect call on this thread ends: its arguments, or null if none are known. */
  static Call pop() {
    ConnectCalls c = calls.get();
    int level = --c.depth;
    if (level <= 0) { // the outermost call (or an exit whose enter was skipped): nothing is kept
      c.depth = 0;
      Call call = level == 0 ? c.levels[0] : null;
      Arrays.fill(c.levels, null);
      return call;
    }
    int slot = Math.min(level, MAX_LEVELS - 1);
    Call call = c.levels[slot];
    c.levels[slot] = null;
    return call;
  }
}
