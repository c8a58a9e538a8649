package io.querylens.agent.internal;

import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into every {@code Servlet.service} and {@code Filter.doFilter} ({@code javax} and
 * {@code jakarta}): it only calls {@link ServletRequests}. The request is taken as an {@code
 * Object}, so that the agent needs no servlet API; Byte Buddy suppresses whatever QueryLens throws.
 */
final class ServletAdvice {
  private ServletAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(0) Object request) {
    return ServletRequests.enter(request);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter Object unit) {
    ServletRequests.exit(unit);
  }
}
