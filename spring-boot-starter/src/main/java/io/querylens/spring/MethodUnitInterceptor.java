package io.querylens.spring;

import io.querylens.core.UnitOfWork;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * Runs an advised method ({@code @Scheduled}, {@code @Transactional}) in a unit of work named
 * {@code Class.method}, unless the thread is in a unit already: inside a request (the starter's
 * scope, or the agent's request, a WebFlux request or an OpenTelemetry span as a unit-of-work
 * source) the request stays the unit, so this names only work that no request started. Never throws
 * its own faults.
 */
final class MethodUnitInterceptor implements MethodInterceptor {
  private final Supplier<Recording> recording;

  MethodUnitInterceptor(Supplier<Recording> recording) {
    this.recording = recording;
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    UnitOfWork unit = open(invocation);
    try {
      return invocation.proceed();
    } finally {
      if (unit != null) {
        unit.close();
      }
    }
  }

  private UnitOfWork open(MethodInvocation invocation) {
    try {
      return recording.get().unitOfWorkIfNone(nameOf(invocation));
    } catch (RuntimeException e) {
      Faults.report("spring method unit", e);
      return null;
    }
  }

  /** {@code OwnerService.findOwners}: the target's class (not its proxy's) and the method. */
  static String nameOf(MethodInvocation invocation) {
    Object target = invocation.getThis();
    Class<?> type =
        target != null
            ? AopUtils.getTargetClass(target)
            : invocation.getMethod().getDeclaringClass();
    return type.getSimpleName() + "." + invocation.getMethod().getName();
  }
}
