package io.querylens.spring;

/**
 * The WebFlux request unit set on this thread, or null: the one thread-local behind {@link
 * WebFluxRequestUnits}, in a class of its own, free of WebFlux and context-propagation types.
 */
final class CurrentWebFluxRequest {
  private static final ThreadLocal<Object> current = new ThreadLocal<>();

  private CurrentWebFluxRequest() {}

  static Object get() {
    return current.get();
  }

  /** Sets (or, with null, clears) the thread's request; clearing keeps the thread's entry. */
  static void set(Object unit) {
    current.set(unit);
  }
}
