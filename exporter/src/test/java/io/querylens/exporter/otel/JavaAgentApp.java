package io.querylens.exporter.otel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** The application JavaAgentIT runs under the OpenTelemetry Java agent: ten executions. */
public final class JavaAgentApp {
  static final int SELECTS = 6;

  private JavaAgentApp() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:querylens:h2:mem:agentapp")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table specialties (id int primary key, name varchar(20))");
      }
      try (PreparedStatement insert = c.prepareStatement("insert into specialties values (?, ?)")) {
        for (int i = 1; i <= 3; i++) {
          insert.setInt(1, i);
          insert.setString(2, "s" + i);
          insert.executeUpdate();
        }
      }
      try (PreparedStatement select =
          c.prepareStatement("select name from specialties where id = ?")) {
        for (int i = 0; i < SELECTS; i++) {
          select.setInt(1, 1 + i % 3);
          try (ResultSet rs = select.executeQuery()) {
            rs.next();
          }
        }
      }
    }
    System.out.println("JavaAgentApp done");
  }
}
