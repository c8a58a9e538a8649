package io.querylens.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.Database;
import io.querylens.core.Execution;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Executions reach listeners, and a failing listener never reaches the application. */
class RecordingListenerTest {
  private Recording recording;
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    recording =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.REPORT_CONSOLE, false).build());
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:listeners;DB_CLOSE_DELAY=-1");
    dataSource = QueryLensDataSource.wrap(h2, recording);
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists item (id int primary key, name varchar(20))");
      statement.execute("delete from item");
      statement.execute("insert into item values (1, 'one'), (2, 'two'), (3, 'three')");
    }
  }

  @Test
  void listenersReceiveEachExecutionWithItsTimingsAndRows() throws SQLException {
    List<Execution> seen = new CopyOnWriteArrayList<>();
    recording.addExecutionListener(seen::add);
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select name from item where id < ?")) {
      query.setInt(1, 3);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rs.getString(1);
        }
      }
      try (Statement update = connection.createStatement()) {
        update.executeUpdate("update item set name = 'x' where id = 3");
        assertThatThrownBy(() -> update.executeQuery("select * from missing"))
            .isInstanceOf(SQLException.class);
      }
    }
    long wall = System.nanoTime() - start;
    assertThat(seen).hasSize(3);
    Execution select = seen.get(0);
    assertThat(select.shape().text()).isEqualTo("select name from item where id < ?");
    assertThat(select.rows()).isEqualTo(2);
    assertThat(select.executeNanos()).isPositive();
    assertThat(select.fetchNanos()).as("the second next() is timed").isPositive();
    assertThat(select.totalNanos()).isLessThanOrEqualTo(wall);
    Execution update = seen.get(1);
    assertThat(update.rows()).isEqualTo(1);
    assertThat(update.executeNanos()).isPositive().isLessThanOrEqualTo(wall);
    assertThat(update.fetchNanos()).as("no cursor").isZero();
    assertThat(update.processNanos()).as("no cursor").isZero();
    assertThat(seen.get(2).failed()).isTrue();
    assertThat(seen.get(2).sqlState()).isEqualTo("42S02");
    assertThat(seen.get(2).vendorCode()).isEqualTo(42102);
    assertThat(seen.get(2).errorType()).startsWith("org.h2.jdbc.JdbcSQL");
    assertThat(seen)
        .extracting(Execution::database)
        .containsOnly(new Database("h2database", "listeners", null, -1));
  }

  @Test
  void aListenerThatThrowsIsCountedAndTheApplicationCarriesOn() throws SQLException {
    long faultsBefore = Faults.count();
    recording.addExecutionListener(
        execution -> {
          throw new IllegalStateException("listener bug");
        });
    String names = "";
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select name from item order by id")) {
      while (rs.next()) {
        names += rs.getString(1) + " ";
      }
    }
    assertThat(names).isEqualTo("one two three ");
    assertThat(Faults.count()).isEqualTo(faultsBefore + 1);
    ShapeSnapshot shape = recording.snapshot().shapes().get(0);
    assertThat(shape.shape().text()).isEqualTo("select name from item order by id");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(3);
  }

  @Test
  void aRemovedListenerHearsNothingMore() throws SQLException {
    List<Execution> seen = new CopyOnWriteArrayList<>();
    recording.addExecutionListener(seen::add);
    io.querylens.core.ExecutionListener other = e -> {};
    recording.addExecutionListener(other);
    recording.removeExecutionListener(other);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("update item set name = 'y' where id = 1");
    }
    assertThat(seen).hasSize(1);
  }
}
