package io.querylens.agent.internal;

import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.internal.Faults;

/**
 * The inbound servlet request each thread is serving, as the unit of work of the executions it
 * makes. The advice on {@code service}/{@code doFilter} calls {@link #enter} and {@link #exit};
 * only the outermost call on a thread opens a unit (filters, the dispatcher servlet, forwards and
 * includes nest inside it). Internal: public because the advice runs inside the container's
 * classes.
 */
public final class ServletRequests {
  private static final ThreadLocal<RequestUnit> current = new ThreadLocal<>();

  private ServletRequests() {}

  /**
   * A {@code service}/{@code doFilter} call starts with {@code request}; returns the unit it
   * opened, or null when the thread already serves a request (a nested call). Never throws.
   */
  public static Object enter(Object request) {
    try {
      if (request == null || current.get() != null) {
        return null;
      }
      RequestUnit unit = new RequestUnit(request);
      current.set(unit);
      return unit;
    } catch (Throwable t) {
      Faults.report("agent servlet enter", t);
      return null;
    }
  }

  /** The call that {@link #enter} returned {@code unit} for has returned or thrown. */
  public static void exit(Object unit) {
    if (unit == null) {
      return;
    }
    try {
      if (current.get() == unit) {
        current.set(null);
      }
      ((RequestUnit) unit).finish();
    } catch (Throwable t) {
      Faults.report("agent servlet exit", t);
    }
  }

  /** The request this thread is serving, or null. */
  static RequestUnit current() {
    return current.get();
  }

  /** The agent's {@link UnitOfWorkSource}: the request being served, named by its route. */
  static UnitOfWorkSource source() {
    return new Source();
  }

  private static final class Source implements UnitOfWorkSource {
    @Override
    public Object currentUnit() {
      return current.get();
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
}
