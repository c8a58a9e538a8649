package io.querylens.spring;

import io.querylens.core.intercept.Faults;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Makes each WebFlux request a unit of work named after its mapping, {@code GET /owners/{id}}: puts
 * a {@link WebFluxRequestUnit} in the request's Reactor context, from where Reactor's automatic
 * context propagation sets it on the threads that run the request's operators ({@link
 * WebFluxRequestUnits}). Without automatic propagation it says so once and the request's executions
 * fall back to idle-gap units named after their threads. Never throws into the request.
 */
final class WebFluxRequestUnitFilter implements WebFilter, Ordered {
  private static final Log log = LogFactory.getLog(WebFluxRequestUnitFilter.class);

  private volatile boolean propagationChecked;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    WebFluxRequestUnit unit;
    try {
      checkPropagation();
      unit = new WebFluxRequestUnit(exchange);
    } catch (RuntimeException e) {
      Faults.report("spring webflux unit", e);
      return chain.filter(exchange);
    }
    return chain
        .filter(exchange)
        .contextWrite(Context.of(WebFluxRequestUnits.KEY, unit))
        .doFinally(signal -> unit.end());
  }

  private void checkPropagation() {
    if (propagationChecked) {
      return;
    }
    propagationChecked = true;
    if (!Hooks.isAutomaticContextPropagationEnabled()) {
      log.info(
          "QueryLens names WebFlux requests as units of work only with Reactor's automatic context"
              + " propagation: set spring.reactor.context-propagation=auto");
    }
  }

  /** First, so that the unit covers every other filter's JDBC too. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
