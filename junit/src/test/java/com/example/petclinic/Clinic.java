package com.example.petclinic;

import io.querylens.QueryLens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The code under test: ten owners with a pet each on H2, read and written well and badly. */
public final class Clinic {
  static final int OWNERS = 10;

  /** Where the clinic gets its connections. */
  @FunctionalInterface
  interface Connections {
    Connection get() throws SQLException;
  }

  private final Connections connections;

  private Clinic(Connections connections) {
    this.connections = connections;
  }

  /** A clinic on its own in-memory database, through {@code QueryLens.wrap}. */
  public static Clinic wrapped(String name) throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    DataSource wrapped = QueryLens.wrap(h2);
    return create(wrapped::getConnection);
  }

  /** A clinic on its own in-memory database, not wrapped: only the agent can record it. */
  public static Clinic unwrapped(String name) throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return create(h2::getConnection);
  }

  /** A clinic on its own in-memory database, through the {@code jdbc:querylens:} URL. */
  public static Clinic throughUrl(String name) throws SQLException {
    String url = "jdbc:querylens:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    return create(() -> DriverManager.getConnection(url));
  }

  private static Clinic create(Connections connections) throws SQLException {
    try (Connection c = connections.get();
        Statement s = c.createStatement()) {
      s.execute("create table if not exists owners (id int primary key, name varchar(50))");
      s.execute(
          "create table if not exists pets (id int primary key, owner_id int, name varchar(50))");
      for (int i = 1; i <= OWNERS; i++) {
        s.execute("merge into owners key (id) values (" + i + ", 'owner " + i + "')");
        s.execute("merge into pets key (id) values (" + i + ", " + i + ", 'pet " + i + "')");
      }
    }
    return new Clinic(connections);
  }

  /** The N+1: the owners, then each owner's pets in a query of its own. */
  public List<String> petNamesOneByOne() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = connections.get()) {
      for (int owner : ownerIds(c)) {
        try (PreparedStatement p = c.prepareStatement("select name from pets where owner_id = ?")) {
          p.setInt(1, owner);
          names.addAll(read(p));
        }
      }
    }
    return names;
  }

  /** The fix: one join. */
  public List<String> petNamesJoined() throws SQLException {
    try (Connection c = connections.get();
        PreparedStatement p =
            c.prepareStatement(
                "select p.name from owners o join pets p on p.owner_id = o.id order by o.id")) {
      return read(p);
    }
  }

  /** The same owner looked up {@code times} times: a duplicate. */
  public void ownerLookedUp(int times) throws SQLException {
    try (Connection c = connections.get()) {
      for (int i = 0; i < times; i++) {
        try (PreparedStatement p = c.prepareStatement("select name from owners where id = ?")) {
          p.setInt(1, 1);
          read(p);
        }
      }
    }
  }

  /** Renames every owner with an UPDATE of its own: chatty writes. */
  public void ownersRenamedOneByOne() throws SQLException {
    try (Connection c = connections.get();
        PreparedStatement p = c.prepareStatement("update owners set name = ? where id = ?")) {
      for (int i = 1; i <= OWNERS; i++) {
        p.setString(1, "renamed " + i);
        p.setInt(2, i);
        p.executeUpdate();
      }
    }
  }

  /** Renames every owner in one batch. */
  public void ownersRenamedInBatch() throws SQLException {
    try (Connection c = connections.get();
        PreparedStatement p = c.prepareStatement("update owners set name = ? where id = ?")) {
      for (int i = 1; i <= OWNERS; i++) {
        p.setString(1, "batched " + i);
        p.setInt(2, i);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** Runs {@code select count(*) from <table>} {@code times} times. */
  public void counted(String table, int times) throws SQLException {
    try (Connection c = connections.get()) {
      for (int i = 0; i < times; i++) {
        try (PreparedStatement p = c.prepareStatement("select count(*) from " + table)) {
          read(p);
        }
      }
    }
  }

  private static List<Integer> ownerIds(Connection c) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("select id from owners order by id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  private static List<String> read(PreparedStatement p) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
