package io.querylens;

import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.intercept.Recording;
import io.querylens.core.report.ConsoleReport;
import io.querylens.core.report.HtmlReport;
import io.querylens.core.report.JsonReport;
import io.querylens.jdbc.QueryLensDataSource;
import io.querylens.jdbc.internal.QueryLensConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The front door of QueryLens: wrap JDBC objects, read what was recorded, render reports. All
 * methods use the JVM-wide recording, configured from {@code querylens.*} system properties and
 * {@code QUERYLENS_*} environment variables, which the {@code jdbc:querylens:} driver shares.
 */
public final class QueryLens {
  private QueryLens() {}

  /**
   * Wraps a DataSource so that every connection it hands out is recorded, and time inside its
   * {@code getConnection()} is recorded as a physical connect, or, over a pool, as a checkout (pool
   * wait and hold). Wrapping a QueryLens DataSource returns it unchanged; each execution is
   * recorded once, also over a pool whose connections QueryLens already records (a pool over the
   * {@code jdbc:querylens:} driver). With {@code querylens.enabled=false} the DataSource is
   * returned as it is.
   */
  public static DataSource wrap(DataSource dataSource) {
    Recording recording = Recording.global();
    return recording.config().enabled()
        ? QueryLensDataSource.wrap(dataSource, recording)
        : dataSource;
  }

  /**
   * Wraps one connection; its hold time counts from now. A connection QueryLens already records is
   * returned unchanged.
   */
  public static Connection wrap(Connection connection) {
    Recording recording = Recording.global();
    return recording.config().enabled()
        ? QueryLensConnection.wrap(connection, recording, System.nanoTime())
        : connection;
  }

  /**
   * Opens an explicit unit of work on this thread, the scope in which N+1 and the other findings
   * are judged and whose time split the reports show under {@code name}. Use it with
   * try-with-resources; scopes nest, and the outermost one is the unit. Without a scope, a JDBC
   * transaction or the thread's run of executions until an idle gap is the unit.
   */
  public static UnitOfWork unitOfWork(String name) {
    return Recording.global().unitOfWork(name);
  }

  /**
   * Adds a source of units of work (an OpenTelemetry span, an inbound request); sources on the
   * class path are also found through {@link java.util.ServiceLoader}.
   */
  public static void addUnitOfWorkSource(UnitOfWorkSource source) {
    Recording.global().addUnitOfWorkSource(source);
  }

  /** An immutable view of everything recorded so far. */
  public static QueryLensSnapshot snapshot() {
    return Recording.global().snapshot();
  }

  /** The console summary of {@link #snapshot()}, listing {@code querylens.report.top} shapes. */
  public static String consoleReport() {
    Recording recording = Recording.global();
    return ConsoleReport.render(recording.snapshot(), recording.config().reportTop());
  }

  /** Writes the JSON report of {@link #snapshot()} to {@code path}. */
  public static void writeJsonReport(Path path) throws IOException {
    JsonReport.write(snapshot(), path);
  }

  /**
   * Writes the HTML report of {@link #snapshot()} to {@code path}: one self-contained page that
   * opens in any browser without a network.
   */
  public static void writeHtmlReport(Path path) throws IOException {
    HtmlReport.write(snapshot(), path);
  }

  /** Forgets everything recorded so far (shapes, connection statistics, fault counts). */
  public static void reset() {
    Recording.global().reset();
  }
}
