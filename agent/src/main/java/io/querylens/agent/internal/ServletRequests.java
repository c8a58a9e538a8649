package io.querylens.agent.internal;

import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.intercept.Faults;

/**
 * The inbound servlet request each thread is serving, as the unit of work of the executions it
 * makes. The rewritten {@code service}/{@code doFilter} methods call {@link #enter} and {@link
 * #exit}; only the outermost call on a thread opens a unit (filters, the dispatcher servlet,
 * forwards and includes nest inside it), counted by a per-thread depth, so the rewritten methods
 * need no local variable. Internal: public because the container's classes call it.
 */
public final class ServletRequests {
  private static final ThreadLocal<Serving> current = new ThreadLocal<>();

  private ServletRequests() {}

  /**
   * A {@code service}/{@code doFilter} call starts with {@code request}; the outermost one on the
   * thread opens a unit. Never throws.
   */
  public static void enter(Object request) {
    try {
      Serving serving = current.get();
      if (serving == null) {
        serving = new Serving();
        current.set(serving);
      }
      if (serving.depth++ == 0 && request != null) {
        serving.unit = new RequestUnit(request);
      }
    } catch (Throwable t) {
      Faults.report("agent servlet enter", t);
    }
  }

  /** A call begun with {@link #enter} has returned or thrown; the outermost closes its unit. */
  public static void exit() {
    try {
      Serving serving = current.get();
      // depth 0: a call entered before a dynamic attach rewrote the method returns through it
      if (serving == null || serving.depth == 0 || --serving.depth > 0) {
        return;
      }
      RequestUnit unit = serving.unit;
      serving.unit = null;
      if (unit != null) {
        unit.finish();
      }
    } catch (Throwable t) {
      Faults.report("agent servlet exit", t);
    }
  }

  /** The request this thread is serving, or null. */
  static RequestUnit current() {
    Serving serving = current.get();
    return serving == null ? null : serving.unit;
  }

  /** The agent's {@link UnitOfWorkSource}: the request being served, named by its route. */
  static UnitOfWorkSource source() {
    return new Source();
  }

  private static final class Source implements UnitOfWorkSource {
    @Override
    public Object currentUnit() {
      return current();
    }

    @Override
    public String unitName(Object unit) {
      return unit instanceof RequestUnit r ? r.name() : null;
    }

    @Override
    public int precedence() {
      return PRECEDENCE_REQUEST;
    }

    @Override
    public String toString() {
      return "servlet requests";
    }
  }

  /** A thread's outermost request and how deep it is in instrumented calls. */
  private static final class Serving {
    RequestUnit unit;
    int depth;
  }
}
