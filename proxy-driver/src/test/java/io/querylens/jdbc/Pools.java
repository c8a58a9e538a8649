package io.querylens.jdbc;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * The four connection pools the connection-time tests run, each over a JDBC URL, at most 2 large.
 */
enum Pools {
  HIKARI {
    @Override
    DataSource over(String url) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername("sa");
      config.setPassword("");
      config.setMaximumPoolSize(2);
      config.setMinimumIdle(1);
      return new HikariDataSource(config);
    }
  },
  DBCP2 {
    @Override
    DataSource over(String url) {
      BasicDataSource pool = new BasicDataSource();
      pool.setUrl(url);
      pool.setUsername("sa");
      pool.setPassword("");
      pool.setMaxTotal(2);
      return pool;
    }

    @Override
    boolean proxiesUnwrap() {
      return false; // its PoolGuardConnectionWrapper unwraps Connection to itself
    }

    @Override
    int closedAtStart() {
      return 1; // it opens one connection to validate its factory, and closes it
    }
  },
  C3P0 {
    @Override
    DataSource over(String url) {
      ComboPooledDataSource pool = new ComboPooledDataSource();
      pool.setJdbcUrl(url);
      pool.setUser("sa");
      pool.setPassword("");
      pool.setInitialPoolSize(1);
      pool.setMinPoolSize(1);
      pool.setMaxPoolSize(2);
      pool.setAcquireIncrement(1);
      return pool;
    }
  },
  TOMCAT {
    @Override
    DataSource over(String url) {
      org.apache.tomcat.jdbc.pool.DataSource pool = new org.apache.tomcat.jdbc.pool.DataSource();
      pool.setUrl(url);
      pool.setDriverClassName(
          url.startsWith(QueryLensDriver.PREFIX)
              ? QueryLensDriver.class.getName()
              : org.h2.Driver.class.getName());
      pool.setUsername("sa");
      pool.setPassword("");
      pool.setInitialSize(1);
      pool.setMinIdle(1);
      pool.setMaxActive(2);
      pool.setMaxIdle(2);
      return pool;
    }
  };

  /** A new pool of at most two connections over {@code url} (user {@code sa}). */
  abstract DataSource over(String url);

  /** Whether the pool's connections unwrap {@code Connection} to the physical connection. */
  boolean proxiesUnwrap() {
    return true;
  }

  /** Physical connections the pool opens and closes as it starts. */
  int closedAtStart() {
    return 0;
  }

  /** Closes a pool made by {@link #over}. */
  static void close(DataSource pool) throws Exception {
    if (pool instanceof AutoCloseable) {
      ((AutoCloseable) pool).close();
    } else if (pool instanceof org.apache.tomcat.jdbc.pool.DataSource) {
      ((org.apache.tomcat.jdbc.pool.DataSource) pool).close(true);
    }
  }

  /** Sessions open on the H2 database of {@code connection}: the pool's physical connections. */
  static long sessions(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from information_schema.sessions")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
