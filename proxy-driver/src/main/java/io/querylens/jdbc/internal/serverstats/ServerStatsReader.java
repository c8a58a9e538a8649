package io.querylens.jdbc.internal.serverstats;

import io.querylens.core.Database;
import io.querylens.core.ServerStatsStatus.State;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import io.querylens.jdbc.internal.Databases;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Reads the statistics of every PostgreSQL and MariaDB/MySQL database a recording's application
 * connects to, on one daemon {@link ReaderThread} per recording started at the first such database,
 * each on its own statistics connection ({@link TargetReader}). The places that see the
 * application's connections call the {@code seen*} methods, which register each database once with
 * the best credentials seen ({@link StatsCredentials}); they never throw. Registered with {@link
 * ServerStatistics#addReader} so that the exit reports can ask for a last read. Internal: public
 * only for the driver, the DataSource wrapper and the listener.
 */
public final class ServerStatsReader implements ServerStatistics.Reader {
  /** The longest the thread sleeps without looking for work. */
  private static final long MAX_SLEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** How long the last read at JVM exit may take, and the wait for the connections to close. */
  private static final long EXIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  private static final Map<Recording, ServerStatsReader> readers = new WeakHashMap<>();
  private static volatile ServerStatsReader last;

  private final Recording recording;
  private final Function<String, StatsSource> sources;
  private final boolean off;
  private final Map<Database, TargetReader> targets = new ConcurrentHashMap<>();
  private final Set<Database> offDatabases = ConcurrentHashMap.newKeySet();

  private final Object monitor = new Object();
  private ReaderThread thread; // guarded by monitor, as are the fields below
  private boolean stopping;
  private long requested;
  private long served;
  private long nextDue;

  ServerStatsReader(Recording recording, Function<String, StatsSource> sources) {
    this.recording = recording;
    this.sources = sources;
    this.off = recording.config().get(ConfigKey.DATABASE_STATS) == Mode.OFF;
  }

  /** The vendor's source for a database system, or null when QueryLens reads none there. */
  static StatsSource sourceFor(String systemName) {
    return switch (systemName) {
      case "postgresql" -> new PostgresStatements();
      case "mariadb", "mysql" -> new PerformanceSchemaDigests();
      default -> null;
    };
  }

  /** {@code recording}'s reader, created at the first call. */
  static ServerStatsReader of(Recording recording) {
    ServerStatsReader l = last;
    if (l != null && l.recording == recording) {
      return l;
    }
    synchronized (readers) {
      ServerStatsReader r = readers.get(recording);
      if (r == null) {
        r = new ServerStatsReader(recording, ServerStatsReader::sourceFor);
        install(r);
      }
      last = r;
      return r;
    }
  }

  /** Makes {@code reader} its recording's reader (tests give it sources of their own). */
  static void install(ServerStatsReader reader) {
    synchronized (readers) {
      readers.put(reader.recording, reader);
      last = reader;
    }
    reader.recording.serverStatistics().addReader(reader);
  }

  /** The application's driver opened {@code connection} with {@code url} and {@code info}. */
  public static void seenDriver(
      Recording recording, Connection connection, Driver driver, String url, Properties info) {
    try {
      if (supported(Databases.ofUrl(url))) {
        of(recording)
            .seen(
                Databases.of(connection),
                StatsCredentials.DRIVER,
                () -> StatsCredentials.ofDriver(driver, url, info));
      }
    } catch (Throwable t) {
      Faults.report("database statistics target", t);
    }
  }

  /** The application's {@code dataSource} handed out its first {@code connection}. */
  public static void seenDataSource(
      Recording recording, Connection connection, DataSource dataSource) {
    try {
      of(recording)
          .seen(
              Databases.of(connection),
              StatsCredentials.DATA_SOURCE,
              () -> StatsCredentials.ofDataSource(dataSource, connection));
    } catch (Throwable t) {
      Faults.report("database statistics target", t);
    }
  }

  /** A recorded {@code connection} is on {@code database}: its metadata is the last route. */
  public static void seenConnection(Recording recording, Connection connection, Database database) {
    try {
      if (supported(database)) {
        of(recording)
            .seen(
                database,
                StatsCredentials.CONNECTION,
                () -> StatsCredentials.ofConnection(connection));
      }
    } catch (Throwable t) {
      Faults.report("database statistics target", t);
    }
  }

  private static boolean supported(Database database) {
    String system = database.systemName();
    return "postgresql".equals(system) || "mariadb".equals(system) || "mysql".equals(system);
  }

  /** What yields credentials, only asked when they are needed. */
  @FunctionalInterface
  interface CredentialRoute {
    StatsCredentials get() throws SQLException;
  }

  /** Registers {@code database} with the credentials of {@code route} unless a better one has. */
  void seen(Database database, int rank, CredentialRoute route) throws SQLException {
    if (!supported(database)) {
      return;
    }
    TargetReader known = targets.get(database);
    if (known != null && known.rank() >= rank) {
      return;
    }
    StatsSource source = sources.apply(database.systemName());
    if (source == null) {
      return;
    }
    if (off) {
      if (offDatabases.add(database)) {
        recording
            .serverStatistics()
            .setStatus(database, source.name(), State.OFF, "querylens.database.stats=off");
      }
      return;
    }
    QueryLensConfig config = recording.config();
    StatsCredentials credentials = route.get().withExplicit(config);
    synchronized (monitor) {
      TargetReader target = targets.get(database);
      if (target == null) {
        targets.put(
            database,
            new TargetReader(database, source, credentials, config, recording.serverStatistics()));
        startThread();
        nextDue = System.nanoTime();
        monitor.notifyAll();
      } else if (target.rank() < rank) {
        target.replaceCredentials(credentials);
      }
    }
  }

  /** The rank of the credentials registered for {@code database}, 0 when none are. */
  int rankOf(Database database) {
    TargetReader t = targets.get(database);
    return t == null ? 0 : t.rank();
  }

  private void startThread() { // holding monitor
    if (thread != null) {
      return;
    }
    thread = new ReaderThread(this::run);
    thread.start();
    try {
      Thread stopper = new Thread(this::stop, "querylens-database-stats-stop");
      stopper.setDaemon(true);
      Runtime.getRuntime().addShutdownHook(stopper);
    } catch (IllegalStateException shuttingDown) { // the daemon thread dies with the JVM
    }
  }

  /**
   * Reads every database once more on the reader thread, waiting for it until {@code
   * deadlineNanos}; returns at once when no reader runs.
   */
  @Override
  public void readNow(long deadlineNanos) {
    synchronized (monitor) {
      ReaderThread t = thread;
      if (t == null || !t.isAlive() || Thread.currentThread() == t) {
        return;
      }
      long ticket = ++requested;
      monitor.notifyAll();
      try {
        while (served < ticket && t.isAlive()) {
          long left = deadlineNanos - System.nanoTime();
          if (left <= 0) {
            return;
          }
          monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * At JVM exit: a last read when reports will be written, then the thread closes its connections.
   */
  void stop() {
    QueryLensConfig config = recording.config();
    if (config.reportConsole() || config.reportJson() != null || config.reportHtml() != null) {
      readNow(System.nanoTime() + EXIT_NANOS);
    }
    ReaderThread t;
    synchronized (monitor) {
      stopping = true;
      monitor.notifyAll();
      t = thread;
    }
    if (t != null) {
      try {
        t.join(TimeUnit.NANOSECONDS.toMillis(EXIT_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The reader thread: serves read requests first, then what is due, until stopped. */
  private void run() {
    try {
      while (true) {
        long ticket = 0;
        synchronized (monitor) {
          while (true) {
            if (requested > served) {
              ticket = requested;
              break;
            }
            if (stopping) {
              return;
            }
            long wait = nextDue - System.nanoTime();
            if (wait <= 0) {
              break;
            }
            monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
          }
        }
        long now = System.nanoTime();
        long next = now + MAX_SLEEP_NANOS;
        int ticked = 0;
        for (TargetReader target : targets.values()) {
          long due = target.tick(now, ticket != 0);
          ticked++;
          if (due != TargetReader.NEVER && due - next < 0) {
            next = due;
          }
        }
        synchronized (monitor) {
          // a database registered during the ticks is due at once
          nextDue = ticked < targets.size() ? System.nanoTime() : next;
          if (ticket != 0) {
            served = ticket;
            monitor.notifyAll();
          }
        }
      }
    } catch (InterruptedException e) { // the JVM is going away
    } catch (Throwable t) {
      Faults.report("database statistics reader", t);
    } finally {
      for (TargetReader target : targets.values()) {
        target.close();
      }
      synchronized (monitor) {
        monitor.notifyAll();
      }
    }
  }
}
