package io.querylens.junit;

import io.querylens.core.FindingKind;
import io.querylens.core.config.QueryLensConfig;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link QueryLensTest}: each test method is a unit of work of its own
 * (a request the code under test serves, or a span, stays a unit of its own), recorded on the
 * test's thread only, from just before the test method to its return ({@code @BeforeEach} and
 * {@code @AfterEach} methods are not part of it), so that tests running in parallel never mix.
 * After the test it judges the budgets declared on the method or, failing that, on the class, and
 * it hands a {@link QueryLensRecording} to a test method that asks for one.
 *
 * <p>Named apart from core's {@code io.querylens.core.QueryLensExtension}, the SPI of reports and
 * exporters.
 */
public final class QueryLensJUnitExtension
    implements BeforeTestExecutionCallback,
        AfterTestExecutionCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(QueryLensJUnitExtension.class);

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    QueryLensRecording test =
        new QueryLensRecording(
            unitName(context), context.getRequiredTestMethod().getDeclaringClass());
    context.getStore(NAMESPACE).put(QueryLensRecording.class, test);
    TestRouter.get().begin(test);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    TestRouter.get().end();
    QueryLensRecording test = recordingOf(context);
    if (test != null) {
      judge(context, test);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestRouter.get().end(); // when a callback failed between the test's start and its end
  }

  /** A {@link QueryLensRecording} parameter of the test method itself (not of a lifecycle one). */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == QueryLensRecording.class
        && context.getTestMethod().filter(parameter.getDeclaringExecutable()::equals).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return recordingOf(context);
  }

  private static QueryLensRecording recordingOf(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(QueryLensRecording.class, QueryLensRecording.class);
  }

  /**
   * {@code OwnerTest.listOwners()}, followed by the invocation's display name for a repeated or
   * parameterised test, or one named with {@code @DisplayName}.
   */
  private static String unitName(ExtensionContext context) {
    String method = context.getRequiredTestMethod().getName();
    String display = context.getDisplayName();
    return context.getRequiredTestClass().getSimpleName()
        + "."
        + method
        + "()"
        + (display.startsWith(method + "(") ? "" : " " + display);
  }

  private static void judge(ExtensionContext context, QueryLensRecording test) {
    if (find(context, NoNPlusOne.class).isPresent()) {
      requireDiagnosis("@NoNPlusOne");
      Budgets.noFinding(test, FindingKind.N_PLUS_ONE, "@NoNPlusOne");
    }
    if (find(context, NoDuplicateQueries.class).isPresent()) {
      requireDiagnosis("@NoDuplicateQueries");
      Budgets.noFinding(test, FindingKind.DUPLICATE, "@NoDuplicateQueries");
    }
    if (find(context, NoChattyWrites.class).isPresent()) {
      requireDiagnosis("@NoChattyWrites");
      Budgets.noFinding(test, FindingKind.CHATTY_WRITES, "@NoChattyWrites");
    }
    Optional<MaxQueries> maxQueries = find(context, MaxQueries.class);
    if (maxQueries.isPresent()) {
      requireRecording("@MaxQueries");
      MaxQueries m = maxQueries.get();
      Budgets.maxQueries(test, m.value(), m.operation(), m.shape());
    }
    Optional<MaxDatabaseTime> maxTime = find(context, MaxDatabaseTime.class);
    if (maxTime.isPresent()) {
      requireRecording("@MaxDatabaseTime");
      Budgets.maxDatabaseTime(test, maxTime.get().value());
    }
    Optional<MaxPoolWait> maxPoolWait = find(context, MaxPoolWait.class);
    if (maxPoolWait.isPresent()) {
      requireRecording("@MaxPoolWait");
      Budgets.maxPoolWait(test, maxPoolWait.get().value());
    }
  }

  /**
   * The annotation on the test method, else on its class, else on the classes enclosing a
   * {@code @Nested} class, nearest first. On each, {@link AnnotationSupport#findAnnotation} also
   * finds it on a composed annotation, on an implemented interface, and (the budgets are {@code
   * Inherited}) on a superclass.
   */
  private static <A extends Annotation> Optional<A> find(ExtensionContext context, Class<A> type) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<A> found = AnnotationSupport.findAnnotation(c.getElement(), type);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static void requireRecording(String rule) {
    if (!TestRouter.get().recording().config().enabled()) {
      throw new ExtensionConfigurationException(
          rule + " cannot be judged: QueryLens is off (querylens.enabled=false)");
    }
  }

  static void requireDiagnosis(String rule) {
    requireRecording(rule);
    QueryLensConfig config = TestRouter.get().recording().config();
    if (!config.diagnosisEnabled()) {
      throw new ExtensionConfigurationException(
          rule + " cannot be judged: findings are off (querylens.diagnosis.enabled=false)");
    }
  }
}
