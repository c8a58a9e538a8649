package io.querylens.core;

/**
 * Supplies the current unit of work from something the application already has: its OpenTelemetry
 * local root span (the exporter), an inbound servlet request (the agent). Registered through {@link
 * java.util.ServiceLoader} or programmatically. Sources are asked in {@link #precedence()} order
 * after an explicit {@link UnitOfWork} scope and before JDBC transactions and idle gaps
 * (docs/findings.md, "Units of work").
 *
 * <p>Called on the application's thread for every execution: implementations must be fast,
 * allocation-free and must not throw.
 */
public interface UnitOfWorkSource {
  /** OpenTelemetry local root spans. */
  int PRECEDENCE_SPAN = 100;

  /** Inbound requests seen by the agent. */
  int PRECEDENCE_REQUEST = 200;

  /**
   * An object identifying the unit current on this thread (a span, a request), or null when this
   * source has none. Executions whose identities are equal belong to one unit; two threads share a
   * unit only if this method returns equal identities on both.
   */
  Object currentUnit();

  /**
   * The name users recognise for {@code unit}, e.g. {@code GET /owners/{id}}. Asked when the unit's
   * first execution arrives and again when the unit ends (the thread's next execution in another
   * unit, or, once the thread has died, on a reader's thread): a name learnt late, such as a
   * request's route template, replaces the earlier one in the unit's sums and findings.
   */
  String unitName(Object unit);

  /** Lower values are asked first. */
  int precedence();
}
