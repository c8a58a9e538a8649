package io.querylens.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.sql.Driver;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Byte Buddy's rules: advice on every {@link DataSource} and {@link Driver} implementation's
 * connection methods, and on every servlet's and filter's request methods. Byte Buddy's classes
 * load when this class is first used.
 */
final class AgentRules {
  /** Types whose implementations serve requests: servlets and filters. */
  private static final String[] SERVLETS = {
    "javax.servlet.Servlet",
    "jakarta.servlet.Servlet",
    "javax.servlet.Filter",
    "jakarta.servlet.Filter"
  };

  private static final String[] SERVLET_REQUESTS = {
    "javax.servlet.ServletRequest",
    "javax.servlet.http.HttpServletRequest",
    "jakarta.servlet.ServletRequest",
    "jakarta.servlet.http.HttpServletRequest"
  };

  private AgentRules() {}

  /** The rules; {@code attached} retransforms the classes already loaded. */
  static AgentBuilder builder(boolean attached) {
    ElementMatcher.Junction<MethodDescription> getConnection =
        named("getConnection")
            .and(takesArguments(0).or(takesArguments(String.class, String.class)))
            .and(returns(named("java.sql.Connection")))
            .and(not(isAbstract()));
    ElementMatcher.Junction<MethodDescription> connect =
        named("connect")
            .and(takesArguments(String.class, Properties.class))
            .and(returns(named("java.sql.Connection")))
            .and(not(isAbstract()));
    // Servlet.service(ServletRequest, ServletResponse), HttpServlet.service(HttpServletRequest,
    // HttpServletResponse) and Filter.doFilter(ServletRequest, ServletResponse, FilterChain), javax
    // and jakarta, matched by name: the agent has no servlet API and loads none
    ElementMatcher.Junction<MethodDescription> service =
        named("service")
            .and(takesArguments(2))
            .and(takesArgument(0, namedOneOf(SERVLET_REQUESTS)))
            .and(not(isAbstract()));
    ElementMatcher.Junction<MethodDescription> doFilter =
        named("doFilter")
            .and(takesArguments(3))
            .and(takesArgument(0, namedOneOf(SERVLET_REQUESTS)))
            .and(not(isAbstract()));
    AgentBuilder.Transformer dataSources = adviceOn(ConnectionAdvice.class, getConnection);
    AgentBuilder.Transformer drivers = adviceOn(ConnectionAdvice.class, connect);
    AgentBuilder.Transformer servlets = adviceOn(ServletAdvice.class, service.or(doFilter));
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(
            attached
                ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                : AgentBuilder.RedefinitionStrategy.DISABLED)
        // super types are read from class files, never loaded: a class loaded while matching would
        // escape instrumentation (an abstract DataSource declaring getConnection, say)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        .with(new TypePoolCache())
        .with(new DebugListener())
        .ignore(
            nameStartsWith("io.querylens.")
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("java."))
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun."))
                .or(isSynthetic()))
        .type(isSubTypeOf(DataSource.class).and(not(isInterface())))
        .transform(dataSources)
        .type(isSubTypeOf(Driver.class).and(not(isInterface())))
        .transform(drivers)
        .type(hasSuperType(namedOneOf(SERVLETS)).and(not(isInterface())))
        .transform(servlets);
  }

  private static AgentBuilder.Transformer adviceOn(
      Class<?> advice, ElementMatcher.Junction<MethodDescription> methods) {
    return (DynamicType.Builder<?> builder,
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        java.security.ProtectionDomain domain) -> builder.visit(Advice.to(advice).on(methods));
  }

  /**
   * Logs, at DEBUG, each type that was instrumented or could not be: matching resolves the super
   * types of every class loaded, which fails harmlessly for classes whose optional dependencies are
   * missing, so failures are counted rather than shown to the application's users.
   */
  private static final class DebugListener extends AgentBuilder.Listener.Adapter {
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      Logger logger = LoggerFactory.getLogger("io.querylens.agent");
      if (logger.isDebugEnabled()) {
        logger.debug(
            "QueryLens instrumented {}{}", type.getName(), loaded ? " (retransformed)" : "");
      }
    }

    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      int n = failures.incrementAndGet();
      Logger logger = LoggerFactory.getLogger("io.querylens.agent");
      if (logger.isDebugEnabled()) {
        logger.debug("QueryLens could not instrument {} (failure {}): {}", typeName, n, error);
      }
    }
  }
}
