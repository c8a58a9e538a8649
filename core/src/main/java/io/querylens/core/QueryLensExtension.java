package io.querylens.core;

import io.querylens.core.config.QueryLensConfig;

/**
 * Something that plugs into the recording, such as the OpenTelemetry exporter. Implementations on
 * the class path are found through {@link java.util.ServiceLoader} when the JVM-wide recording is
 * created, and {@link #install} is called once, on the thread that first used QueryLens. An
 * extension must not throw into the application: what {@code install} throws is caught and counted.
 */
public interface QueryLensExtension {
  /** Adds this extension's listeners, sources and detectors to {@code context}. */
  void install(Context context);

  /** What an extension is given. */
  interface Context {
    /** The recording's configuration. */
    QueryLensConfig config();

    /** Adds a consumer of every execution. */
    void addExecutionListener(ExecutionListener listener);

    /** Removes a listener added with {@link #addExecutionListener}. */
    void removeExecutionListener(ExecutionListener listener);

    /** Adds a source of units of work. */
    void addUnitOfWorkSource(UnitOfWorkSource source);

    /** Adds a consumer of findings as units of work first show them. */
    void addFindingListener(FindingListener listener);

    /**
     * Adds a detector of findings of its own kind; it sees every execution from then on, after the
     * built-in ones. A no-op when {@code querylens.diagnosis.enabled} is false.
     */
    void addDetector(Detector detector);

    /** An immutable view of everything recorded so far, taken when called. */
    QueryLensSnapshot snapshot();

    /**
     * Asks the readers of the database servers' own statistics for one more read, returning within
     * {@code timeoutNanos}; before a last snapshot, so that it holds the servers' latest figures.
     */
    default void readServerStatisticsNow(long timeoutNanos) {}
  }
}
