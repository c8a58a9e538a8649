package com.example.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * HikariCP over the URL {@code args[0]} (user {@code args[1]}, password {@code args[2]}): creates
 * the table, then borrows a connection {@code 5} times to read one row each.
 */
final class HikariApp {
  static final int BORROWS = 5;

  private HikariApp() {}

  public static void main(String[] args) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername(args[1]);
    config.setPassword(args.length > 2 ? args[2] : "");
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection connection = pool.getConnection()) {
        Items.create(connection);
      }
      for (int i = 1; i <= BORROWS; i++) {
        try (Connection connection = pool.getConnection()) {
          Items.name(connection, i);
        }
      }
    }
  }
}
