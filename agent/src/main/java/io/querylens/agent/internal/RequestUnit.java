package io.querylens.agent.internal;

/**
 * One inbound request as a unit of work: the identity the tracker compares, one object per
 * outermost {@code service} call. Not the request object itself, because containers recycle those
 * (Tomcat may hand the same facade to the next request on a kept-alive connection) and two requests
 * would then be one unit.
 *
 * <p>The name is worked out when the tracker asks, at the unit's first execution; the route
 * template may not be known yet then (a filter that queries before Spring MVC dispatches), so when
 * the request ends it is worked out again, once, and kept: the tracker asks a source's unit for its
 * name again when the unit ends. The request is dropped at the end, so a unit that outlives it (the
 * tracker ends it at the thread's next execution) holds no container object.
 */
final class RequestUnit {
  private Object request;
  private boolean asked;
  private volatile String name;

  RequestUnit(Object request) {
    this.request = request;
  }

  /** The unit's name: final once the request has ended, else as far as it is known now. */
  String name() {
    String n = name;
    if (n != null) {
      return n;
    }
    Object r = request;
    if (r == null) {
      return RequestNames.UNKNOWN;
    }
    asked = true;
    return RequestNames.of(r);
  }

  /** The request has ended (on its thread): fixes the name if the unit was ever named. */
  void finish() {
    Object r = request;
    if (r != null && asked) {
      name = RequestNames.of(r);
    }
    request = null;
  }
}
