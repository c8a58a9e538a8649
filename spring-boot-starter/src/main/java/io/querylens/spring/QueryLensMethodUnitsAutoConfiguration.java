package io.querylens.spring;

import io.querylens.core.intercept.Recording;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Units of work where no request exists: each {@code @Scheduled} run and each call of a
 * {@code @Transactional} method is a unit named {@code Class.method}, opened before the transaction
 * (so its connection checkout is in the unit). Applied through Spring's auto-proxying (Boot's
 * {@code AopAutoConfiguration}, on by default); inside a request the request names the unit.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@Conditional(OnQueryLensEnabled.class)
public class QueryLensMethodUnitsAutoConfiguration {
  /** Each {@code @Scheduled} method run is a unit. */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor queryLensScheduledUnits(ObjectProvider<Recording> recording) {
    return advisor(
        new ComposablePointcut(AnnotationMatchingPointcut.forMethodAnnotation(Scheduled.class)),
        recording);
  }

  /** Each call of a {@code @Transactional} method (or of a method of such a class) is a unit. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Transactional.class)
  static class TransactionalUnits {
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor queryLensTransactionalUnits(ObjectProvider<Recording> recording) {
      return advisor(
          new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
              .union(new AnnotationMatchingPointcut(null, Transactional.class, true)),
          recording);
    }
  }

  private static Advisor advisor(ComposablePointcut pointcut, ObjectProvider<Recording> recording) {
    DefaultPointcutAdvisor advisor =
        new DefaultPointcutAdvisor(
            pointcut, new MethodUnitInterceptor(SingletonSupplier.of(recording::getObject)));
    // outside Spring's transaction interceptor (lowest precedence by default)
    advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return advisor;
  }
}
