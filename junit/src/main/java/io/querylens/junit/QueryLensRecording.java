package io.querylens.junit;

import io.querylens.core.Execution;
import io.querylens.core.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What QueryLens recorded on one test's thread while the test ran: its executions in order and the
 * findings its unit of work showed. The extension hands it to a test method that declares a
 * parameter of this type; read it with {@link QueryLensAssertions#assertThat}.
 */
public final class QueryLensRecording {
  private final String unitName;
  private final Class<?> testCode;
  private final List<Execution> executions = Collections.synchronizedList(new ArrayList<>());
  private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
  private final Map<Finding, String> testLines = new ConcurrentHashMap<>();
  private final AtomicLong poolWaitNanos = new AtomicLong();
  private final AtomicLong checkouts = new AtomicLong();

  /**
   * {@code testCode} is the class that declares the test method (a superclass of the test class
   * when the method is inherited): the test's own line is found on the stack in it.
   */
  QueryLensRecording(String unitName, Class<?> testCode) {
    this.unitName = unitName;
    this.testCode = testCode;
  }

  /** The name of the test's unit of work, e.g. {@code OwnerTest.listOwners()}. */
  public String unitName() {
    return unitName;
  }

  /** The executions so far, in the order they ended. */
  public List<Execution> executions() {
    synchronized (executions) {
      return List.copyOf(executions);
    }
  }

  /**
   * The findings raised so far, each as its unit's part when first raised (its counts are those at
   * that moment; {@link #countOf} gives the shape's count now).
   */
  public List<Finding> findings() {
    synchronized (findings) {
      return List.copyOf(findings);
    }
  }

  /** Executions so far whose shape has {@code fingerprint}. */
  public long countOf(long fingerprint) {
    return executions().stream().filter(e -> e.shape().fingerprint() == fingerprint).count();
  }

  /** Database time (execute and fetch) of the executions so far, in nanoseconds. */
  public long databaseNanos() {
    return executions().stream().mapToLong(e -> e.executeNanos() + e.fetchNanos()).sum();
  }

  /** Time waited in pools for the checkouts so far, in nanoseconds. */
  public long poolWaitNanos() {
    return poolWaitNanos.get();
  }

  /** Connections checked out so far. */
  public long checkouts() {
    return checkouts.get();
  }

  void addCheckout(long poolWait) {
    poolWaitNanos.addAndGet(poolWait);
    checkouts.incrementAndGet();
  }

  void add(Execution execution) {
    executions.add(execution);
  }

  /**
   * Adds a finding, with the line of the test method's class that led to it, found now on the
   * stack.
   */
  void add(Finding finding) {
    findings.add(finding);
    String line = testLine();
    if (line != null) {
      testLines.put(finding, line);
    }
  }

  /** The test's own line that led to {@code finding}, or null when none was on the stack. */
  String testLineOf(Finding finding) {
    return testLines.get(finding);
  }

  private String testLine() {
    String outer = testCode.getName();
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            f.getClassName().equals(outer)
                                || f.getClassName().startsWith(outer + '$'))
                    .findFirst()
                    .map(
                        f ->
                            f.getClassName()
                                + '.'
                                + f.getMethodName()
                                + '('
                                + f.getFileName()
                                + ':'
                                + f.getLineNumber()
                                + ')')
                    .orElse(null));
  }
}
