package io.querylens.exporter.otel.internal.metrics;

import io.querylens.core.UnitOfWork;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.QueryLensDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A known JDBC workload on in-memory H2 through QueryLens's DataSource wrapper (test code). */
public final class H2Workload {
  public final Recording recording;
  private final DataSource dataSource;

  private H2Workload(Recording recording, DataSource dataSource) {
    this.recording = recording;
    this.dataSource = dataSource;
  }

  /** A workload on its own H2 database {@code name}, recorded into a recording of its own. */
  static H2Workload create(String name, QueryLensConfig config) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    Recording recording = Recording.create(config);
    return new H2Workload(recording, QueryLensDataSource.wrap(h2, recording));
  }

  public static H2Workload create(String name) {
    return create(name, QueryLensConfig.builder().set(ConfigKey.REPORT_CONSOLE, false).build());
  }

  /**
   * Creates table {@code item}, inserts {@code n} rows, reads them back one query per row inside
   * one unit of work (an n-plus-one finding when n is 5 or more) and runs one failing query.
   *
   * @return the executions: 2n + 2
   */
  public long run(int n) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create table item (id int primary key, name varchar(40))");
      }
      try (PreparedStatement insert = c.prepareStatement("insert into item values (?, ?)")) {
        for (int i = 0; i < n; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item " + i);
          insert.executeUpdate();
        }
      }
      selectEach(c, n);
      try (Statement s = c.createStatement()) {
        s.executeQuery("select * from missing_table");
        throw new AssertionError("H2 ran a query on a missing table");
      } catch (SQLException expected) {
        // the failed execution is recorded too
      }
    }
    return 2L * n + 2;
  }

  /** Reads rows 0..n-1 by id, one query each, inside one unit of work; n executions. */
  void selectEach(Connection c, int n) throws SQLException {
    UnitOfWork unit = recording.unitOfWork("read items");
    try (PreparedStatement select = c.prepareStatement("select name from item where id = ?")) {
      for (int i = 0; i < n; i++) {
        select.setInt(1, i);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
      }
    } finally {
      unit.close();
    }
  }

  /** Reads rows 0..n-1 by id on a connection of its own; n executions. */
  void selectEach(int n) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      selectEach(c, n);
    }
  }
}
