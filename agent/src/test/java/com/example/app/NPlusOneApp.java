package com.example.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Plain {@link DriverManager} on H2 with no OpenTelemetry of its own: creates the table, pauses a
 * second (the exporter starts in the background), reads {@link #LOOP} rows one by one inside one
 * transaction (an n-plus-one), then counts the rows in a unit of its own, which ends the
 * transaction's unit. Prints {@code done}; given a file {@code args[0]}, waits for it to appear (at
 * most a minute) before exiting.
 */
final class NPlusOneApp {
  static final int LOOP = 6;

  /** Every execution: the table's 2 + 7, the loop's, the count. */
  static final int EXECUTIONS = 2 + Items.ROWS + LOOP + 1;

  private NPlusOneApp() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:nplusone")) {
      Items.create(connection);
      Thread.sleep(1000);
      connection.setAutoCommit(false);
      for (int id = 1; id <= LOOP; id++) {
        Items.name(connection, id);
      }
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("select count(*) from agent_item")) {
        rs.next();
      }
    }
    System.out.println("done");
    System.out.flush();
    if (args.length > 0) {
      Path go = Path.of(args[0]);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(go)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no " + go);
        }
        Thread.sleep(20);
      }
    }
  }
}
