package io.querylens.testing;

import io.querylens.core.QueryLensSnapshot;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The hooks a module supplies to run the conformance suites: its instrumentation modes and access
 * to what QueryLens recorded. A subclass of a suite passes one instance to the suite's constructor.
 */
public abstract class InstrumentationUnderTest {

  /** The modes to run every suite under; at least one. */
  public abstract List<InstrumentationMode> modes();

  /** Everything recorded since the last {@link #reset()}. */
  public abstract QueryLensSnapshot snapshot();

  /** Forgets everything recorded; called before each test and after each fixture. */
  public abstract void reset();

  /**
   * Instruments an already instrumented DataSource once more, as a careless application would
   * ({@code QueryLens.wrap} twice); the suites check that this still records every execution once.
   */
  public abstract DataSource instrumentAgain(DataSource instrumented) throws SQLException;
}
