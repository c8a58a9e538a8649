package io.querylens.exporter.otel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A short JDBC program for {@link ShortLivedJvmIT}, run in a child JVM with the exporter on the
 * class path and only {@code otel.*} settings: exactly {@value #EXECUTIONS} executions on H2
 * through the {@code jdbc:querylens:} driver, with one n-plus-one (a query per row of a parent
 * query). With argument {@code service} it then stays up, as a service would after its first
 * requests; with {@code install} it first installs the exporter itself, on its main thread.
 */
public final class ShortProgram {
  static final int EXECUTIONS = 200;
  static final int ROWS = 99;

  private ShortProgram() {}

  public static void main(String[] args) throws Exception {
    boolean service = args.length > 0 && args[0].equals("service");
    if (args.length > 0 && args[0].equals("install")) {
      QueryLensOpenTelemetry.builder().build().install();
    }
    try (Connection c = DriverManager.getConnection("jdbc:querylens:h2:mem:short")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table owners (id int primary key, name varchar(20))"); // 1
      }
      try (PreparedStatement insert = c.prepareStatement("insert into owners values (?, ?)")) {
        for (int i = 0; i < ROWS; i++) { // 99
          insert.setInt(1, i);
          insert.setString(2, "owner-" + i);
          insert.executeUpdate();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet owners = s.executeQuery("select id from owners order by id"); // 1
          PreparedStatement pets = c.prepareStatement("select name from owners where id = ?")) {
        while (owners.next()) { // 99: one per row of the parent query
          pets.setInt(1, owners.getInt(1));
          try (ResultSet rs = pets.executeQuery()) {
            rs.next();
          }
        }
      }
    }
    System.out.println("done");
    System.out.flush();
    if (service) {
      Thread.sleep(60_000);
    }
  }
}
