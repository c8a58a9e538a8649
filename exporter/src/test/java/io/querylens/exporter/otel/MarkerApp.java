package io.querylens.exporter.otel;

import io.querylens.QueryLens;
import io.querylens.core.UnitOfWork;
import io.querylens.exporter.otel.MarkerWorkload.Marked;
import io.querylens.exporter.otel.MarkerWorkload.Phase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The application {@link LiteralRoundTripIT} runs in a child JVM with QueryLens configured by
 * system properties only: a plain JDBC program on a {@code jdbc:querylens:} URL that runs one
 * {@link MarkerWorkload}. It takes commands on standard input ({@code go}, {@code exit}) and tells
 * its progress on standard output ({@code warming}, {@code done}), both free of markers; what it
 * learns about each statement (which may quote the database's error messages, markers and all) it
 * writes to a results file of its own, one line per statement, {@code ok} or why not.
 *
 * <p>Arguments: the workload's name, the database's {@code jdbc:} URL, user, password, results
 * file.
 */
public final class MarkerApp {
  /**
   * Least time between the first executions that raise two findings: QueryLens logs at most one
   * finding line a second, and each finding's line is one of the channels looked at.
   */
  private static final long FINDING_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1_050);

  private final String url;
  private final String user;
  private final String password;
  private final PrintWriter results;
  private long lastFindingAt = System.nanoTime() - FINDING_GAP_NANOS;

  private MarkerApp(String url, String user, String password, PrintWriter results) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.results = results;
  }

  public static void main(String[] args) throws Exception {
    MarkerWorkload workload = MarkerWorkload.valueOf(args[0]);
    String url = "jdbc:querylens:" + args[1].substring("jdbc:".length());
    BlockingQueue<String> commands = commands();
    try (PrintWriter results =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8), true)) {
      MarkerApp app = new MarkerApp(url, args[2], args.length > 3 ? args[3] : "", results);
      app.warmUpUntilGo(commands);
      for (Phase phase : workload.phases()) {
        app.run(phase);
      }
    }
    System.out.println("done");
    awaitCommand(commands, "exit");
  }

  /**
   * Until {@code go} arrives, runs a query without markers every 50 ms: QueryLens sets up its
   * OpenTelemetry SDK in the background at the first execution, and the test says go once the
   * receiver has a span, so that every execution with markers has one. Exits on {@code exit}.
   */
  private void warmUpUntilGo(BlockingQueue<String> commands) throws Exception {
    System.out.println("warming");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String command = null; !"go".equals(command); ) {
        if ("exit".equals(command)) {
          System.exit(2);
        }
        s.execute("select 1");
        command = commands.poll(50, TimeUnit.MILLISECONDS);
      }
    }
  }

  @SuppressWarnings("try") // the unit of work is not referenced in its body
  private void run(Phase phase) throws SQLException, InterruptedException {
    try (Connection c = connect()) {
      try (Statement s = c.createStatement()) {
        for (String sql : phase.setup()) {
          s.execute(sql);
        }
      }
      try (UnitOfWork unit = QueryLens.unitOfWork(phase.name())) {
        for (Marked m : phase.statements()) {
          awaitFindingGap();
          int findings = QueryLens.snapshot().findings().size();
          String problem = run(c, m);
          if (QueryLens.snapshot().findings().size() > findings) {
            lastFindingAt = System.nanoTime();
          }
          results.println(phase.name() + " / " + m.label() + "\t" + problem);
        }
      }
    }
  }

  private void awaitFindingGap() throws InterruptedException {
    long wait = lastFindingAt + FINDING_GAP_NANOS - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Runs {@code m} {@link MarkerWorkload#REPEAT} times; "ok", or what went otherwise. */
  private static String run(Connection c, Marked m) throws SQLException {
    for (int i = 0; i < MarkerWorkload.REPEAT; i++) {
      try {
        execute(c, m, i);
        if (!m.valid()) {
          return "ran, but the database should have refused it: " + m.sql(i);
        }
      } catch (SQLException e) {
        if (m.valid()) {
          return "failed: " + e + " on " + m.sql(i);
        }
        if (e.getSQLState() == null || !e.getSQLState().startsWith("42")) {
          return "failed, but not with a syntax error: " + e + " on " + m.sql(i);
        }
      }
    }
    return "ok";
  }

  private static void execute(Connection c, Marked m, int i) throws SQLException {
    switch (m.kind()) {
      case PLAIN:
        try (Statement s = c.createStatement()) {
          if (s.execute(m.sql(i))) {
            readAll(s.getResultSet());
          }
        }
        break;
      case PREPARED:
        try (PreparedStatement ps = c.prepareStatement(m.sql(i))) {
          ps.setInt(1, i);
          readAll(ps.executeQuery());
        }
        break;
      case BATCH:
        try (Statement s = c.createStatement()) {
          for (int row = 0; row < 3; row++) {
            s.addBatch(m.sql(i * 3 + row));
          }
          s.executeBatch();
        }
        break;
      default:
        throw new AssertionError(m.kind());
    }
  }

  private static void readAll(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Lines of standard input, read on a daemon thread. */
  private static BlockingQueue<String> commands() {
    BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  commands.add(line.trim());
                }
              } catch (IOException e) {
                // the test went away: nothing more will come
              }
              commands.add("exit");
            },
            "commands");
    reader.setDaemon(true);
    reader.start();
    return commands;
  }

  private static void awaitCommand(BlockingQueue<String> commands, String command)
      throws InterruptedException {
    while (!command.equals(commands.poll(1, TimeUnit.MINUTES))) {
      // keep waiting: the test scrapes the metrics meanwhile
    }
  }
}
