package com.example.app;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * One of the pools QueryLens is checked on ({@code args[0]}: {@code hikari}, {@code dbcp2}, {@code
 * c3p0} or {@code tomcat}, at most 2 connections) over the H2 URL {@code args[1]}: creates the
 * table, then borrows a connection {@code 5} times to read one row each, and closes the pool.
 */
final class PoolsApp {
  static final int BORROWS = 5;

  private PoolsApp() {}

  public static void main(String[] args) throws Exception {
    DataSource pool = pool(args[0], args[1]);
    try {
      try (Connection connection = pool.getConnection()) {
        Items.create(connection);
      }
      for (int i = 1; i <= BORROWS; i++) {
        try (Connection connection = pool.getConnection()) {
          Items.name(connection, i);
        }
      }
    } finally {
      if (pool instanceof AutoCloseable) {
        ((AutoCloseable) pool).close();
      } else {
        ((org.apache.tomcat.jdbc.pool.DataSource) pool).close(true);
      }
    }
  }

  private static DataSource pool(String kind, String url) {
    switch (kind) {
      case "hikari":
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
      case "dbcp2":
        BasicDataSource dbcp = new BasicDataSource();
        dbcp.setUrl(url);
        dbcp.setMaxTotal(2);
        return dbcp;
      case "c3p0":
        ComboPooledDataSource c3p0 = new ComboPooledDataSource();
        c3p0.setJdbcUrl(url);
        c3p0.setInitialPoolSize(1);
        c3p0.setMinPoolSize(1);
        c3p0.setMaxPoolSize(2);
        return c3p0;
      case "tomcat":
        org.apache.tomcat.jdbc.pool.DataSource tomcat =
            new org.apache.tomcat.jdbc.pool.DataSource();
        tomcat.setUrl(url);
        tomcat.setDriverClassName("org.h2.Driver");
        tomcat.setInitialSize(1);
        tomcat.setMinIdle(1);
        tomcat.setMaxActive(2);
        tomcat.setMaxIdle(2);
        return tomcat;
      default:
        throw new IllegalArgumentException("no pool " + kind);
    }
  }
}
