package io.querylens.spring;

import io.querylens.core.intercept.Faults;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One WebFlux request as a unit of work: the identity its executions share on whichever threads
 * serve it, and its name {@code METHOD route}. The route is published by handler mapping, after the
 * request began, so the name is read from the exchange when asked until the request ends; then it
 * is fixed and the exchange let go (an ended unit stays referenced by the last thread that ran it).
 */
final class WebFluxRequestUnit {
  private volatile ServerWebExchange exchange;
  private volatile String name;

  WebFluxRequestUnit(ServerWebExchange exchange) {
    this.exchange = exchange;
  }

  /** {@code GET /owners/{id}}, or {@code GET (unmapped)} before (or without) a mapping. */
  String name() {
    ServerWebExchange e = exchange;
    return e != null ? nameOf(e) : name;
  }

  /** The request completed, failed or was cancelled: its name is final. Never throws. */
  void end() {
    try {
      ServerWebExchange e = exchange;
      if (e != null) {
        name = nameOf(e); // before the exchange is dropped: a reader seeing null sees the name
        exchange = null;
      }
    } catch (RuntimeException ex) {
      Faults.report("spring webflux unit", ex);
    }
  }

  private static String nameOf(ServerWebExchange exchange) {
    Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String template =
        route instanceof PathPattern pattern
            ? pattern.getPatternString()
            : route != null ? route.toString() : RequestUnitInterceptor.UNMAPPED;
    return exchange.getRequest().getMethod().name() + " " + template;
  }
}
