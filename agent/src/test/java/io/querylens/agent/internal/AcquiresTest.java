package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.QueryLensConnection;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The connect and checkout bookkeeping, called directly as the rewritten methods call it. */
class AcquiresTest {
  private static Connection openH2() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:acquires");
    return h2.getConnection();
  }

  private static long connects() {
    return Recording.global().snapshot().connections().connect().count();
  }

  private static long acquireErrors() {
    return Recording.global().snapshot().connections().acquireErrors();
  }

  @Test
  void nestedCallsRecordOneConnectAndWrapOnce() throws SQLException {
    long before = connects();
    try (Connection raw = openH2()) {
      Acquires.enter(); // a pool's getConnection
      Acquires.enter(); // the driver's connect inside it
      Connection inner = Acquires.exit(raw, null);
      Connection outer = Acquires.exit(inner, null);

      assertThat(inner).isInstanceOf(QueryLensConnection.class);
      assertThat(outer).isSameAs(inner);
      assertThat(outer.unwrap(org.h2.jdbc.JdbcConnection.class)).isSameAs(raw);
    }
    assertThat(connects() - before).isEqualTo(1);
  }

  @Test
  void aThrowingCallRecordsAFailureAndChangesNothing() {
    long before = acquireErrors();
    Acquires.enter();
    assertThat(Acquires.exit(null, new SQLException("refused"))).isNull();
    assertThat(acquireErrors() - before).isEqualTo(1);
  }

  @Test
  void anExitWithoutItsEnterStillReturnsAWrappedConnection() throws SQLException {
    long before = connects();
    try (Connection raw = openH2()) {
      assertThat(Acquires.exit(raw, null)).isInstanceOf(QueryLensConnection.class);
    }
    assertThat(connects() - before).isEqualTo(1);
    Acquires.enter();
    try (Connection raw = openH2()) {
      Acquires.exit(raw, null);
    }
    assertThat(connects() - before).as("the depth was repaired").isEqualTo(2);
  }
}
