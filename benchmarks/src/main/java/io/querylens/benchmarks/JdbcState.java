package io.querylens.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One open connection to the in-memory H2 database {@code bench}, obtained through the variant
 * under test, plus the data and rolling keys the benchmarks bind.
 *
 * <p>The schema is created (and filled) over a plain H2 connection before the variant's connection
 * is opened, so the variant only ever sees the measured calls. Keys roll over fixed ranges so every
 * invocation does the same amount of database work.
 */
@State(Scope.Thread)
public class JdbcState {
  /** The database every variant reaches; it lives until the JVM exits. */
  static final String H2_URL = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";

  /** Rows in {@code item} (and in {@code item_scratch}). */
  static final int ROWS = 1000;

  /** Rows per scan and per batch. */
  static final int CHUNK = 100;

  /** Which interception sits between the benchmark and H2; see {@link Variant}. */
  @Param({
    "raw",
    "querylens",
    "querylens-statistics-only",
    "datasource-proxy",
    "p6spy",
    "otel",
    "querylens-otel",
    "querylens-otel-collector-down"
  })
  public String variant;

  Connection connection;

  /** Names and amounts bound by the batch, built once so the benchmark itself allocates nothing. */
  final String[] names = new String[ROWS];

  final BigDecimal[] amounts = new BigDecimal[ROWS];

  private Variant.Opened opened;
  private int nextPointId;
  private int nextChunkStart;
  private int nextBatchStart;

  static {
    // Also passed with @Fork(jvmArgsAppend); repeated here because a -jvmArgsAppend given on the
    // command line replaces the annotation's. Must happen before DriverManager loads the drivers.
    if (System.getProperty("querylens.report.console") == null) {
      System.setProperty("querylens.report.console", "false");
    }
  }

  /** Creates and fills the tables, then opens the variant's connection and checks its type. */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    for (int i = 0; i < ROWS; i++) {
      names[i] = "item-" + i;
      amounts[i] = BigDecimal.valueOf(i * 100L + 99, 2);
    }
    createSchema();
    opened = Variant.of(variant).open();
    connection = opened.connection();
    Variant.of(variant).checkWrapped(connection);
  }

  /** Closes the connection; fails the trial if the variant did not do its work (e.g. no spans). */
  @TearDown(Level.Trial)
  public void close() throws SQLException {
    if (opened != null) {
      opened.close();
    }
  }

  /** The next id for a point query, cycling over all rows. */
  long nextPointId() {
    int id = nextPointId;
    nextPointId = id + 1 == ROWS ? 0 : id + 1;
    return id;
  }

  /** The first id of the next 100-row scan: 0, 100, ..., 900, 0, ... */
  long nextScanStart() {
    int start = nextChunkStart;
    nextChunkStart = start + CHUNK == ROWS ? 0 : start + CHUNK;
    return start;
  }

  /**
   * The first key of the next batch, rolling over the keys already present in the scratch table.
   */
  int nextBatchStart() {
    int start = nextBatchStart;
    nextBatchStart = start + CHUNK == ROWS ? 0 : start + CHUNK;
    return start;
  }

  private void createSchema() throws SQLException {
    try (Connection raw = DriverManager.getConnection(H2_URL);
        Statement statement = raw.createStatement()) {
      statement.execute("drop table if exists item");
      statement.execute("drop table if exists item_scratch");
      statement.execute(
          "create table item (id bigint primary key, name varchar(64) not null,"
              + " amount decimal(12, 2) not null)");
      statement.execute(
          "create table item_scratch (id bigint primary key, name varchar(64) not null,"
              + " amount decimal(12, 2) not null)");
      // The scratch table starts with every key the batch will write, so each MERGE replaces a
      // row and the table size never changes.
      for (String table : new String[] {"item", "item_scratch"}) {
        try (PreparedStatement insert =
            raw.prepareStatement("insert into " + table + " values (?, ?, ?)")) {
          for (int i = 0; i < ROWS; i++) {
            insert.setLong(1, i);
            insert.setString(2, names[i]);
            insert.setBigDecimal(3, amounts[i]);
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      try (ResultSet count = statement.executeQuery("select count(*) from item_scratch")) {
        count.next();
        if (count.getInt(1) != ROWS) {
          throw new IllegalStateException("scratch table has " + count.getInt(1) + " rows");
        }
      }
    }
  }
}
