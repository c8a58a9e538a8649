package io.querylens.spring;

import io.querylens.core.intercept.Recording;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Names units of work after Spring MVC request mappings ({@code GET /owners/{id}}) in a servlet
 * application, unless the QueryLens agent is attached (it names servlet requests the same way).
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnMissingClass(QueryLensAgentPresence.AGENT_CLASS)
@ConditionalOnBean(Recording.class)
public class QueryLensWebMvcAutoConfiguration {
  /** Registers the interceptor that opens one unit of work per request. */
  @Bean
  public WebMvcConfigurer queryLensRequestUnits(Recording recording) {
    RequestUnitInterceptor interceptor = new RequestUnitInterceptor(recording);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
      }
    };
  }
}
