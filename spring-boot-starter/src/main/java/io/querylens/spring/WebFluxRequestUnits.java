package io.querylens.spring;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;

/**
 * The WebFlux request whose operators run on this thread, as a {@link UnitOfWorkSource}. Reactor's
 * automatic context propagation ({@code spring.reactor.context-propagation=auto}) sets it through
 * this {@link ThreadLocalAccessor} from the request's Reactor context, on the event loop and on the
 * scheduler threads ({@code subscribeOn(Schedulers.boundedElastic())}) alike, so that every thread
 * serving the request reports the same {@link WebFluxRequestUnit}.
 */
final class WebFluxRequestUnits
    implements UnitOfWorkSource, ThreadLocalAccessor<WebFluxRequestUnit> {
  /** The Reactor context key (and context-propagation accessor key) of a request's unit. */
  static final String KEY = "io.querylens.spring.webflux-request-unit";

  /** One for the JVM: the thread-local is too. */
  static final WebFluxRequestUnits instance = new WebFluxRequestUnits();

  private static final ThreadLocal<WebFluxRequestUnit> current = new ThreadLocal<>();

  private static boolean registered;
  private static Recording installedIn;

  private WebFluxRequestUnits() {}

  /**
   * Registers the accessor with context-propagation (once for the JVM) and the source with {@code
   * recording}, unless it was added to that recording last (the JVM-wide one, which every
   * application context started in the JVM shares); never throws.
   */
  static synchronized void installInto(Recording recording) {
    try {
      if (!registered) {
        ContextRegistry.getInstance().registerThreadLocalAccessor(instance);
        registered = true;
      }
      if (installedIn != recording) {
        recording.addUnitOfWorkSource(instance);
        installedIn = recording;
      }
    } catch (RuntimeException e) {
      Faults.report("spring webflux units", e);
    }
  }

  @Override
  public Object currentUnit() {
    return current.get();
  }

  @Override
  public String unitName(Object unit) {
    return unit instanceof WebFluxRequestUnit request ? request.name() : null;
  }

  @Override
  public int precedence() {
    return PRECEDENCE_REQUEST;
  }

  @Override
  public Object key() {
    return KEY;
  }

  @Override
  public WebFluxRequestUnit getValue() {
    return current.get();
  }

  @Override
  public void setValue(WebFluxRequestUnit value) {
    current.set(value);
  }

  /** Clears without removing the thread's entry: {@link #currentUnit()} then allocates nothing. */
  @Override
  public void setValue() {
    current.set(null);
  }
}
