package io.querylens.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** QueryLens fed from an application's own datasource-proxy chain. */
class QueryLensListenerTest {
  private Recording recording;
  private DataSource dataSource;

  @BeforeEach
  void setUp() throws SQLException {
    recording =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.REPORT_CONSOLE, false).build());
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:dsproxy;DB_CLOSE_DELAY=-1");
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists item (id int primary key, name varchar(20))");
      statement.execute("delete from item");
    }
    dataSource =
        ProxyDataSourceBuilder.create(h2).listener(new QueryLensListener(recording)).build();
  }

  @Test
  void recordsExecutionsRowsBatchesAndErrorsSeenByTheChain() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement("insert into item (id, name) values (?, ?)")) {
        for (int id = 1; id <= 5; id++) {
          insert.setInt(1, id);
          insert.setString(2, "n" + id);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (Statement statement = connection.createStatement()) {
        assertThat(statement.executeUpdate("update item set name = 'z' where id > 3")).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
          try (ResultSet rs = statement.executeQuery("select name from item where id = " + i)) {
            rs.next();
          }
        }
        assertThatThrownBy(() -> statement.execute("select * from missing"))
            .isInstanceOf(SQLException.class);
      }
    }
    QueryLensSnapshot snapshot = recording.snapshot();
    ShapeSnapshot batch = shape(snapshot, "insert into item (id, name) values (?, ?)");
    assertThat(batch.count()).isEqualTo(1);
    assertThat(batch.rows().sum()).isEqualTo(5);
    assertThat(shape(snapshot, "update item set name = ? where id > ?").rows().sum()).isEqualTo(2);
    ShapeSnapshot select = shape(snapshot, "select name from item where id = ?");
    assertThat(select.count()).isEqualTo(3);
    assertThat(select.execute().min()).isPositive();
    assertThat(select.rows().count()).as("rows read are not visible to a listener").isZero();
    assertThat(shape(snapshot, "select * from missing").errors()).isEqualTo(1);
  }

  private static ShapeSnapshot shape(QueryLensSnapshot snapshot, String text) {
    return snapshot.shapes().stream()
        .filter(s -> s.shape().text().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no shape " + text + " in " + snapshot.shapes()));
  }
}
