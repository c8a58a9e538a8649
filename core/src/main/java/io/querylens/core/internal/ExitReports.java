package io.querylens.core.internal;

import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.report.ConsoleReport;
import io.querylens.core.report.JsonReport;
import java.nio.file.Path;

/** Writes the reports the configuration asks for when the JVM exits. */
final class ExitReports implements Runnable {
  private final Recording recording;

  private ExitReports(Recording recording) {
    this.recording = recording;
  }

  static void install(Recording recording) {
    QueryLensConfig config = recording.config();
    if (!config.reportConsole() && config.reportJson() == null) {
      return;
    }
    try {
      Thread hook = new Thread(new ExitReports(recording), "querylens-exit-report");
      hook.setDaemon(true);
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (Throwable t) { // e.g. the JVM is already shutting down
      Faults.report("exit-report", t);
    }
  }

  @Override
  public void run() {
    QueryLensConfig config = recording.config();
    QueryLensSnapshot snapshot = recording.snapshot();
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
  }
}
