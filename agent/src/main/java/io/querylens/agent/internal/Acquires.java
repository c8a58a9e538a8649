package io.querylens.agent.internal;

import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.Acquisition;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;

/**
 * What the rewritten {@code DataSource.getConnection} and {@code Driver.connect} methods call: the
 * proxy driver's {@link Acquisition}, whose thread-local stack of calls the agent and the driver
 * share, so that physical connects and checkouts are told apart across layers and each execution is
 * recorded once. A {@code Driver.connect} also hands the URL and properties it was given to the
 * database statistics reader. Internal: public because the application's classes call it.
 */
public final class Acquires {
  private Acquires() {}

  /** An instrumented getConnection/connect starts on this thread. */
  public static void enter() {
    Acquisition.enter();
  }

  /**
   * An instrumented call ends, having returned {@code connection} or thrown {@code thrown}; returns
   * what the call must return: the connection wrapped once, or {@code connection} itself when it is
   * null, already recorded, or QueryLens fails. Never throws.
   */
  public static Connection exit(Connection connection, Throwable thrown) {
    // exit catches and reports its own faults; the JVM-wide recording exists since premain
    return Acquisition.exit(Recording.global(), connection, thrown);
  }

  /** An instrumented {@code driver.connect(url, info)} starts on this thread. */
  public static void enterConnect(Object driver, String url, Properties info) {
    try {
      ConnectCalls.push(driver, url, info);
    } catch (Throwable t) {
      Faults.report("connect arguments", t);
    }
    Acquisition.enter();
  }

  /**
   * As {@link #exit}, for the {@code connect} begun with {@link #enterConnect}: when it opened a
   * physical connection, the statistics reader learns its URL and properties. Never throws.
   */
  public static Connection exitConnect(Connection connection, Throwable thrown) {
    ConnectCalls.Call call;
    try {
      call = ConnectCalls.pop();
    } catch (Throwable t) {
      Faults.report("connect arguments", t);
      call = null;
    }
    if (call == null || !(call.driver() instanceof Driver driver)) {
      return exit(connection, thrown);
    }
    return Acquisition.exitConnect(
        Recording.global(), connection, thrown, driver, call.url(), call.info());
  }
}
