package io.querylens.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.querylens.QueryLens;
import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/** HikariCP pools over private in-memory H2 databases, and what QueryLens recorded of a table. */
final class Pools {
  private Pools() {}

  static HikariDataSource hikari(String name) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName(name);
    pool.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    pool.setMaximumPoolSize(2);
    return pool;
  }

  /** Creates {@code table} and reads it once through {@code dataSource}. */
  static void createAndRead(DataSource dataSource, String table) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table " + table + " (id int primary key)");
      s.executeQuery("select id from " + table).close();
    }
  }

  /** Executions of select shapes on {@code table} that the JVM-wide recording holds. */
  static long selectsOn(String table) {
    return QueryLens.snapshot().shapes().stream()
        .filter(s -> s.shape().text().toLowerCase(Locale.ROOT).startsWith("select"))
        .filter(s -> s.shape().text().toLowerCase(Locale.ROOT).contains(table))
        .mapToLong(ShapeSnapshot::count)
        .sum();
  }
}
