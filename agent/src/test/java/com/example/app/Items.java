package com.example.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The table and queries the applications share. */
final class Items {
  static final int ROWS = 7;

  private Items() {}

  /** Creates table {@code agent_item} with {@link #ROWS} rows, each inserted by one execution. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists agent_item");
      statement.execute("create table agent_item (id int primary key, name varchar(20))");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("insert into agent_item values (?, ?)")) {
      for (int id = 1; id <= ROWS; id++) {
        insert.setInt(1, id);
        insert.setString(2, "item " + id);
        insert.executeUpdate();
      }
    }
  }

  /** Reads one row by id and returns its name. */
  static String name(Connection connection, int id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select name from agent_item where id = ?")) {
      select.setInt(1, id);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no item " + id);
        }
        return rs.getString(1);
      }
    }
  }
}
