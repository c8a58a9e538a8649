package com.example.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Runs a query before the agent is attached (so that H2's Driver is already loaded), then waits for
 * the file {@code args[0]} to appear (at most a minute) and reads {@code 4} rows on new
 * connections.
 */
final class WaitingApp {
  static final int READS_AFTER_ATTACH = 4;

  private WaitingApp() {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:h2:mem:attach;DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url)) {
      Items.create(connection);
    }
    System.out.println("ready");
    System.out.flush();
    Path go = Path.of(args[0]);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(go)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + go);
      }
      Thread.sleep(20);
    }
    for (int i = 1; i <= READS_AFTER_ATTACH; i++) {
      try (Connection connection = DriverManager.getConnection(url)) {
        Items.name(connection, i);
      }
    }
  }
}
