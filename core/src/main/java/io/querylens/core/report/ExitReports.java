package io.querylens.core.report;

import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes the reports the configuration asks for ({@code querylens.report.console}, {@code
 * querylens.report.json}, {@code querylens.report.html}) when the JVM exits, all of one snapshot.
 * An extension, found through {@link java.util.ServiceLoader} by the JVM-wide recording, so the
 * recording knows nothing of reports: renderers depend on the engine, not the reverse. Public only
 * for ServiceLoader.
 */
public final class ExitReports implements QueryLensExtension {
  /** How long the database statistics readers may take for a last read before the reports. */
  private static final long LAST_READ_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** For {@link java.util.ServiceLoader}. */
  public ExitReports() {}

  @Override
  public void install(Context context) {
    QueryLensConfig config = context.config();
    if (!config.reportConsole() && config.reportJson() == null && config.reportHtml() == null) {
      return;
    }
    try {
      Thread hook = new Thread(() -> write(context), "querylens-exit-report");
      hook.setDaemon(true);
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (Throwable t) { // e.g. the JVM is already shutting down
      Faults.report("exit-report", t);
    }
  }

  private static void write(Context context) {
    QueryLensConfig config = context.config();
    if (context instanceof Recording recording) { // the database statistics up to now
      recording.serverStatistics().readNow(LAST_READ_NANOS);
    }
    QueryLensSnapshot snapshot = context.snapshot();
    if (config.reportConsole()) {
      try {
        System.err.println(ConsoleReport.render(snapshot, config.reportTop()));
        System.err.flush();
      } catch (Throwable t) {
        Faults.report("console-report", t);
      }
    }
    Path json = config.reportJson();
    if (json != null) {
      try {
        JsonReport.write(snapshot, json);
      } catch (Throwable t) {
        Faults.report("json-report", t);
      }
    }
    Path html = config.reportHtml();
    if (html != null) {
      try {
        HtmlReport.write(snapshot, html);
      } catch (Throwable t) {
        Faults.report("html-report", t);
      }
    }
  }
}
