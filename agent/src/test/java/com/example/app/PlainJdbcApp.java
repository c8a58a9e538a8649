package com.example.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Plain {@link DriverManager} on H2 (or the URL in {@code args[0]}): one connection creates the
 * table, then {@code args[1]} (default 3) connections read one row each.
 */
final class PlainJdbcApp {
  private PlainJdbcApp() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1";
    int reads = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (Connection connection = DriverManager.getConnection(url)) {
      Items.create(connection);
    }
    for (int i = 1; i <= reads; i++) {
      try (Connection connection = DriverManager.getConnection(url)) {
        Items.name(connection, i);
      }
    }
  }
}
