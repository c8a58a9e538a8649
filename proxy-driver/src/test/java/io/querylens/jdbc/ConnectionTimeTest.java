package io.querylens.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection time on real pools over H2 (decision 0030): one checkout and one hold per {@code
 * getConnection()} the application makes, one connect per physical connection wherever it was
 * opened, pool wait and connect apart, and none of it counted as the application's time or charged
 * to a unit that began after it.
 */
@SuppressWarnings("try") // scopes are used for their extent
class ConnectionTimeTest {
  private static final int CHECKOUTS = 6;
  private static final AtomicInteger databases = new AtomicInteger();
  private static final String SELECT = "select ? from dual";

  private String h2Url;

  @BeforeEach
  void freshDatabaseAndRecording() {
    h2Url = "jdbc:h2:mem:connection-time-" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    QueryLens.reset();
  }

  private String queryLensUrl() {
    return QueryLensDriver.PREFIX + h2Url.substring("jdbc:".length());
  }

  /** Borrows {@link #CHECKOUTS} connections one after another, one query on each. */
  private static void borrow(DataSource dataSource) throws SQLException {
    for (int i = 0; i < CHECKOUTS; i++) {
      try (Connection connection = dataSource.getConnection()) {
        query(connection, i);
      }
    }
  }

  private static void query(Connection connection, int value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setInt(1, value);
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  private static ConnectionSnapshot connections() {
    return QueryLens.snapshot().connections();
  }

  private static long executions() {
    return QueryLens.snapshot().shapes().stream()
        .filter(s -> s.shape().text().equals(SELECT))
        .mapToLong(ShapeSnapshot::count)
        .sum();
  }

  /**
   * Waits until the connects recorded match the physical connections the pool opened (those open on
   * the database, and those it closed as it started; it may still be filling itself on its own
   * threads), and returns that number.
   */
  private static long connectsMatchPhysicalConnections(Pools kind, DataSource pool)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long physical;
      try (Connection connection = pool.getConnection()) {
        physical = Pools.sessions(connection) + kind.closedAtStart();
      }
      long connects = connections().connect().count();
      if (connects == physical || System.nanoTime() > deadline) {
        assertThat(connects).as("one connect per physical connection").isEqualTo(physical);
        return physical;
      }
      Thread.sleep(20);
    }
  }

  @ParameterizedTest
  @EnumSource(Pools.class)
  void wrappingAPoolGivesOneCheckoutAndOneHoldPerGetConnection(Pools kind) throws Exception {
    DataSource pool = kind.over(h2Url);
    try {
      borrow(QueryLens.wrap(pool));
      ConnectionSnapshot c = connections();
      assertThat(c.hold().count()).as("holds").isEqualTo(CHECKOUTS);
      if (kind.proxiesUnwrap()) {
        assertThat(c.acquire().count()).as("checkouts").isEqualTo(CHECKOUTS);
        assertThat(c.connect().count()).as("the pool's driver is not instrumented").isZero();
      } else {
        // a proxy that unwraps to itself looks like a physical connection (decision 0030)
        assertThat(c.connect().count()).isEqualTo(CHECKOUTS);
      }
      assertThat(executions()).isEqualTo(CHECKOUTS);
    } finally {
      Pools.close(pool);
    }
  }

  @ParameterizedTest
  @EnumSource(Pools.class)
  void wrappingAPoolOverTheDriverUrlSplitsConnectsFromPoolWaitAndRecordsEachExecutionOnce(
      Pools kind) throws Exception {
    DataSource pool = kind.over(queryLensUrl());
    try {
      DataSource wrapped = QueryLens.wrap(pool);
      borrow(wrapped);
      ConnectionSnapshot c = connections();
      assertThat(c.acquire().count()).as("checkouts").isEqualTo(CHECKOUTS);
      assertThat(c.hold().count())
          .as("one hold per checkout, not per physical connection")
          .isEqualTo(CHECKOUTS);
      assertThat(executions()).as("recorded by the checkout only").isEqualTo(CHECKOUTS);

      long physical = connectsMatchPhysicalConnections(kind, wrapped);
      assertThat(physical).isBetween(1L, 2L + kind.closedAtStart());
      TimeSplit time = QueryLens.snapshot().time();
      assertThat(time.applicationNanos()).isEqualTo(time.appProcessNanos());
      assertThat(time.connectNanos())
          .as("only connects the application waited for")
          .isLessThanOrEqualTo(connections().connect().sum());
      if (kind == Pools.DBCP2 || kind == Pools.TOMCAT) {
        assertThat(time.connectNanos())
            .as("%s connects inside its getConnection, on the application's thread", kind)
            .isPositive();
      } else {
        assertThat(time.connectNanos())
            .as("%s connects on its own threads (or while it starts): not checkouts", kind)
            .isZero();
      }
    } finally {
      Pools.close(pool);
    }
  }

  @ParameterizedTest
  @EnumSource(Pools.class)
  void thePoolsUrlAloneSeesConnectsButNoCheckouts(Pools kind) throws Exception {
    DataSource pool = kind.over(queryLensUrl());
    try {
      borrow(pool);
      assertThat(executions()).isEqualTo(CHECKOUTS);
      connectsMatchPhysicalConnections(kind, pool);
      ConnectionSnapshot c = connections();
      assertThat(c.acquire().count()).isZero();
      assertThat(c.hold().count()).as("a physical connection's life is no hold").isZero();
    } finally {
      Pools.close(pool);
    }
    assertThat(connections().hold().count()).as("nor when the pool closes it").isZero();
  }

  @Test
  void driverManagerConnectsAreConnectsAndCheckoutsWithoutPoolWait() throws SQLException {
    for (int i = 0; i < 3; i++) {
      try (Connection connection = DriverManager.getConnection(queryLensUrl(), "sa", "")) {
        query(connection, i);
      }
    }
    ConnectionSnapshot c = connections();
    assertThat(c.connect().count()).isEqualTo(3);
    assertThat(c.hold().count()).isEqualTo(3);
    assertThat(c.acquire().count()).as("no pool").isZero();
    TimeSplit time = QueryLens.snapshot().time();
    assertThat(time.connectNanos()).isEqualTo(c.connect().sum());
    assertThat(time.poolWaitNanos()).isZero();
    assertThat(time.applicationNanos()).as("process only").isEqualTo(time.appProcessNanos());
  }

  @Test
  void aConnectionOpenedBeforeAScopeAddsNothingToTheScopesUnit() throws SQLException {
    try (Connection connection = DriverManager.getConnection(queryLensUrl(), "sa", "")) {
      try (UnitOfWork unit = QueryLens.unitOfWork("load data")) {
        query(connection, 1);
      }
    }
    QueryLensSnapshot s = QueryLens.snapshot();
    UnitSnapshot load =
        s.units().stream().filter(u -> u.name().equals("load data")).findFirst().orElseThrow();
    assertThat(load.total().connectionNanos()).isZero();
    assertThat(s.time().connectNanos()).as("in the headline").isPositive();
  }

  @Test
  void aConnectionRequestedInsideAScopeIsChargedToIt() throws Exception {
    DataSource pool = Pools.HIKARI.over(queryLensUrl());
    try (UnitOfWork unit = QueryLens.unitOfWork("request")) {
      try (Connection connection = QueryLens.wrap(pool).getConnection()) {
        query(connection, 1);
      }
    } finally {
      Pools.close(pool);
    }
    UnitSnapshot request = QueryLens.snapshot().units().get(0);
    assertThat(request.name()).isEqualTo("request");
    assertThat(request.total().poolWaitNanos()).isPositive();
    assertThat(request.total().applicationNanos()).isEqualTo(request.total().appProcessNanos());
  }
}
