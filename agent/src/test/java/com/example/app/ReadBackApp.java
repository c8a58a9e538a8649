package com.example.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain {@link DriverManager} on H2 (or the URL in {@code args[0]}) that prints what it read, so a
 * test can see that whatever is attached to the JVM leaves the application's results alone: creates
 * the table, reads {@link #READS} rows on one connection each, then prints {@code read=item 1,item
 * 2,item 3} and {@code unwrap=<class>}, the class {@code Connection.unwrap} hands back for H2's own
 * connection type.
 */
public final class ReadBackApp {
  /** Rows read, one connection each. */
  public static final int READS = 3;

  /** The line the application prints when every read returned the row it wrote. */
  public static final String EXPECTED = "read=item 1,item 2,item 3";

  private ReadBackApp() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:h2:mem:readback;DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url)) {
      Items.create(connection);
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= READS; i++) {
      try (Connection connection = DriverManager.getConnection(url)) {
        names.add(Items.name(connection, i));
      }
    }
    System.out.println("read=" + String.join(",", names));
    try (Connection connection = DriverManager.getConnection(url)) {
      System.out.println(
          "unwrap=" + connection.unwrap(org.h2.jdbc.JdbcConnection.class).getClass().getName());
    }
  }
}
