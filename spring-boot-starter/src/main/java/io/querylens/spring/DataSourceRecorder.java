package io.querylens.spring;

import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.QueryLensDataSource;
import java.lang.reflect.Modifier;
import javax.sql.DataSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Puts QueryLens over every {@link DataSource} bean once it is initialised, so over the pool: the
 * bean is replaced by a proxy of its own class (a {@code HikariDataSource} stays one, and its pool
 * methods reach the pool) whose connections QueryLens records. The bean definition is untouched, so
 * {@code @Primary}, qualifiers and names stay. A DataSource that QueryLens already records (wrapped
 * by the application with {@code QueryLens.wrap}, or delegating to a recorded one) is left alone,
 * so each checkout is recorded once. Never throws: a bean it cannot wrap stays as it is.
 */
final class DataSourceRecorder implements BeanPostProcessor, Ordered {
  private final ObjectProvider<Recording> recording;

  DataSourceRecorder(ObjectProvider<Recording> recording) {
    this.recording = recording;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource) || isRecorded(dataSource)) {
      return bean;
    }
    try {
      DataSource recorded = QueryLensDataSource.wrap(dataSource, recording.getObject());
      ProxyFactory proxy = new ProxyFactory(bean);
      proxy.setProxyTargetClass(canSubclass(bean.getClass()));
      proxy.addAdvice(new RecordedDataSourceInterceptor(recorded));
      return proxy.getProxy(bean.getClass().getClassLoader());
    } catch (RuntimeException | LinkageError e) {
      Faults.report("spring DataSource " + beanName, e);
      return bean;
    }
  }

  /** Whether QueryLens already records {@code dataSource}'s connections. */
  private static boolean isRecorded(DataSource dataSource) {
    try {
      return dataSource instanceof QueryLensDataSource
          || dataSource.isWrapperFor(QueryLensDataSource.class);
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * A class proxy keeps the bean's type; a final class (or one without a way in) gets interfaces.
   */
  private static boolean canSubclass(Class<?> type) {
    return !Modifier.isFinal(type.getModifiers()) && Modifier.isPublic(type.getModifiers());
  }

  /** After the other post-processors: QueryLens goes over what they built. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
