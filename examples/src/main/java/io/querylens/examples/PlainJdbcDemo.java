package io.querylens.examples;

import io.querylens.QueryLens;
import io.querylens.core.UnitOfWork;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small shop on an embedded H2 database, run through the {@code jdbc:querylens:} driver URL. The
 * only QueryLens-specific line is the URL; the summary printed at the end is what QueryLens
 * recorded.
 */
@SuppressWarnings("try") // the scopes are used for their extent, not their value
public final class PlainJdbcDemo {
  static final String URL = "jdbc:querylens:h2:mem:shop;DB_CLOSE_DELAY=-1";

  private PlainJdbcDemo() {}

  public static void main(String[] args) throws Exception {
    // The demo prints the summary itself, so the one QueryLens prints at JVM exit is switched off.
    System.setProperty("querylens.report.console", "false");
    System.out.println("QueryLens demo: a shop on embedded H2, connected through " + URL);
    try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
      // Units of work: without these optional scopes QueryLens would judge each JDBC transaction,
      // or each run of executions on a thread until an idle gap, as one unit.
      try (UnitOfWork unit = QueryLens.unitOfWork("load data")) {
        createSchema(connection);
        loadData(connection);
      }
      try (UnitOfWork unit = QueryLens.unitOfWork("GET /customers/orders (a loop)")) {
        listOrdersOneQueryPerCustomer(connection);
      }
      try (UnitOfWork unit = QueryLens.unitOfWork("GET /customers/orders (a join)")) {
        listOrdersWithOneJoin(connection);
      }
      try (UnitOfWork unit = QueryLens.unitOfWork("export invoices")) {
        exportInvoicesSlowly(connection);
        tryAMissingTable(connection);
      }
    }
    System.out.println();
    System.out.println(QueryLens.consoleReport());
    System.out.println(
        "Read it like this: the loop ran 'select ... from orders where customer_id = ?' 200 times,"
            + " once per row of its parent query, where the join did the same work in one"
            + " execution (though it reads all 2000 orders with no row limit, an unbounded result"
            + " that grows with the data); the customers were inserted row by row where one batch"
            + " would do; the"
            + " invoice export's time is 'process' (the application holding the cursor), not the"
            + " database's.");
  }

  static void createSchema(Connection connection) throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("create table customer (id bigint primary key, name varchar(100))");
      ddl.execute(
          "create table orders (id bigint primary key, customer_id bigint, total decimal(10,2))");
      ddl.execute("create index orders_customer on orders(customer_id)");
    }
  }

  /** Row-by-row customers, batched orders: both show up as one shape each. */
  static void loadData(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("insert into customer (id, name) values (?, ?)")) {
      for (int id = 1; id <= 200; id++) {
        insert.setLong(1, id);
        insert.setString(2, "customer " + id);
        insert.executeUpdate();
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into orders (id, customer_id, total) values (?, ?, ?)")) {
      for (int id = 1; id <= 2_000; id++) {
        insert.setLong(1, id);
        insert.setLong(2, 1 + id % 200);
        insert.setBigDecimal(3, BigDecimal.valueOf(id % 97, 1));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The classic N+1: one query for the customers, then one per customer. */
  static void listOrdersOneQueryPerCustomer(Connection connection) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet customers = statement.executeQuery("select id, name from customer order by id")) {
      while (customers.next()) {
        ids.add(customers.getLong(1));
      }
    }
    try (PreparedStatement orders =
        connection.prepareStatement("select id, total from orders where customer_id = ?")) {
      for (long id : ids) {
        orders.setLong(1, id);
        try (ResultSet rs = orders.executeQuery()) {
          while (rs.next()) {
            rs.getBigDecimal(2);
          }
        }
      }
    }
  }

  /** The same data in one round trip. */
  static void listOrdersWithOneJoin(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select c.id, o.id, o.total from customer c join orders o on o.customer_id = c.id")) {
      while (rs.next()) {
        rs.getBigDecimal(3);
      }
    }
  }

  /** The application, not the database, is slow here: it works on every row it reads. */
  static void exportInvoicesSlowly(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("select id, total from orders where total > 9.0 order by id")) {
      int rows = 0;
      while (rs.next() && rows++ < 20) {
        Thread.sleep(5); // rendering a PDF, say
      }
    }
  }

  static void tryAMissingTable(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("select * from invoice where id = 42");
    } catch (SQLException expected) {
      System.out.println("(an error is part of the demo: " + expected.getSQLState() + ")");
    }
  }
}
