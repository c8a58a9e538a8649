package io.querylens.spring;

import io.querylens.core.UnitOfWork;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Makes each Spring MVC request a unit of work named after its mapping, {@code GET /owners/{id}}:
 * the route template, never the URI, so that requests for different ids share one unit name. The
 * unit ends when the request completes, or when its handler goes asynchronous (units are bound to
 * the thread). Never throws into the request.
 */
final class RequestUnitInterceptor implements AsyncHandlerInterceptor {
  private static final String UNIT = RequestUnitInterceptor.class.getName() + ".unit";

  /** The route of a request that no mapping published a pattern for. */
  static final String UNMAPPED = "(unmapped)";

  private final Recording recording;

  RequestUnitInterceptor(Recording recording) {
    this.recording = recording;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    try {
      if (request.getAttribute(UNIT) == null) {
        request.setAttribute(UNIT, recording.unitOfWork(nameOf(request)));
      }
    } catch (RuntimeException e) {
      Faults.report("spring request unit", e);
    }
    return true;
  }

  @Override
  public void afterConcurrentHandlingStarted(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    end(request);
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    end(request);
  }

  /** {@code METHOD route}. */
  static String nameOf(HttpServletRequest request) {
    Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return request.getMethod() + " " + (route != null ? route : UNMAPPED);
  }

  private static void end(HttpServletRequest request) {
    try {
      if (request.getAttribute(UNIT) instanceof UnitOfWork unit) {
        request.removeAttribute(UNIT);
        unit.close();
      }
    } catch (RuntimeException e) {
      Faults.report("spring request unit", e);
    }
  }
}
