package io.querylens.spring;

import java.lang.reflect.Method;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Sends a DataSource bean's {@code getConnection}, {@code unwrap} and {@code isWrapperFor} calls to
 * the QueryLens DataSource over it; every other method (a pool's own, such as {@code
 * HikariDataSource.getHikariPoolMXBean()} or {@code close()}) reaches the bean unchanged.
 */
final class RecordedDataSourceInterceptor implements MethodInterceptor {
  private final DataSource recorded;

  RecordedDataSourceInterceptor(DataSource recorded) {
    this.recorded = recorded;
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object[] args = invocation.getArguments();
    switch (method.getName()) {
      case "getConnection":
        if (args.length == 0) {
          return recorded.getConnection();
        }
        if (args.length == 2) {
          return recorded.getConnection((String) args[0], (String) args[1]);
        }
        break;
      case "unwrap":
        if (args.length == 1 && args[0] instanceof Class<?> type) {
          return recorded.unwrap(type);
        }
        break;
      case "isWrapperFor":
        if (args.length == 1 && args[0] instanceof Class<?> type) {
          return recorded.isWrapperFor(type);
        }
        break;
      default:
        break;
    }
    return invocation.proceed();
  }
}
