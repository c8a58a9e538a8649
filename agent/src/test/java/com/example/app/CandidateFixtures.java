package com.example.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Class files for the agent's pre-filter test: outside io.querylens, which the filter skips. */
public final class CandidateFixtures {
  private CandidateFixtures() {}

  public abstract static class BaseDataSource implements DataSource {
    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return null;
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
      return null;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  public abstract static class ConcreteDataSource extends BaseDataSource {}

  public interface SmartDataSource extends DataSource {}

  public abstract static class ViaInterface implements SmartDataSource {}

  public abstract static class SomeDriver implements Driver {
    @Override
    public Connection connect(String url, Properties info) {
      return null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
      return new DriverPropertyInfo[0];
    }
  }

  public static class Unrelated implements Runnable, java.io.Serializable {
    @Override
    public void run() {}
  }

  public static class UnrelatedChild extends Unrelated {}
}
