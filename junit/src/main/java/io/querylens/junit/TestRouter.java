package io.querylens.junit;

import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.Finding;
import io.querylens.core.FindingListener;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.intercept.Recording;

/**
 * Installed once into the JVM-wide recording: makes the running test the unit of work of its thread
 * and hands the executions and findings of that thread to the test's {@link QueryLensRecording}.
 * Every lookup is by thread, so tests running in parallel never see each other's executions.
 */
final class TestRouter implements UnitOfWorkSource, ExecutionListener, FindingListener {
  /**
   * After spans and inbound requests: a request the code under test serves on the test's thread
   * (MockMvc) is a unit of its own, as in production.
   */
  static final int PRECEDENCE_TEST = 300;

  private static TestRouter installed;

  private final ThreadLocal<QueryLensRecording> current = new ThreadLocal<>();
  private final Recording recording;

  private TestRouter(Recording recording) {
    this.recording = recording;
  }

  /** The router of the JVM-wide recording, installed on first use. */
  static synchronized TestRouter get() {
    if (installed == null) {
      TestRouter router = new TestRouter(Recording.global());
      router.recording.addUnitOfWorkSource(router);
      router.recording.addExecutionListener(router);
      router.recording.addFindingListener(router);
      installed = router;
    }
    return installed;
  }

  /** The recording the router reports to. */
  Recording recording() {
    return recording;
  }

  /** Makes {@code test} the unit of work of this thread until {@link #end}. */
  void begin(QueryLensRecording test) {
    current.set(test);
  }

  /** The thread's test has ended. */
  void end() {
    current.remove();
  }

  @Override
  public Object currentUnit() {
    return current.get();
  }

  @Override
  public String unitName(Object unit) {
    return unit instanceof QueryLensRecording ? ((QueryLensRecording) unit).unitName() : null;
  }

  @Override
  public int precedence() {
    return PRECEDENCE_TEST;
  }

  @Override
  public void onExecution(Execution execution) {
    QueryLensRecording test = current.get();
    if (test != null) {
      test.add(execution);
    }
  }

  @Override
  public void onCheckout(long poolWaitNanos, long connectNanos) {
    QueryLensRecording test = current.get();
    if (test != null) {
      test.addCheckout(poolWaitNanos);
    }
  }

  @Override
  public void onFinding(Finding finding, Object unit, boolean newInJvm) {
    QueryLensRecording test = current.get();
    if (test != null) {
      test.add(finding);
    }
  }
}
