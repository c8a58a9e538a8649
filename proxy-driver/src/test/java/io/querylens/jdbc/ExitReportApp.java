package io.querylens.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A plain JDBC program with no QueryLens code but the URL, run in a child JVM by {@link
 * ExitReportIT}.
 */
public final class ExitReportApp {
  private ExitReportApp() {}

  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:querylens:h2:mem:exit");
        Statement statement = connection.createStatement()) {
      statement.execute("create table item (id int primary key, name varchar(20))");
      try (PreparedStatement insert =
          connection.prepareStatement("insert into item values (?, ?)")) {
        for (int id = 1; id <= 7; id++) {
          insert.setInt(1, id);
          insert.setString(2, "item \"" + id + "\"");
          insert.executeUpdate();
        }
      }
    }
  }
}
