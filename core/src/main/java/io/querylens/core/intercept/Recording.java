package io.querylens.core.intercept;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.Database;
import io.querylens.core.Detector;
import io.querylens.core.Execution;
import io.querylens.core.ExecutionListener;
import io.querylens.core.Finding;
import io.querylens.core.FindingListener;
import io.querylens.core.QueryLensExtension;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.QueryShape;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.SqlDialect;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.internal.detectors.BuiltInDetectors;
import io.querylens.core.internal.sql.ShapeCache;
import io.querylens.core.internal.stats.ConnectionStats;
import io.querylens.core.internal.stats.ShapeRegistry;
import io.querylens.core.internal.unitofwork.Diagnosis;
import io.querylens.core.internal.unitofwork.ExecutionView;
import io.querylens.core.internal.unitofwork.UnitOfWorkTracker;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The recording path every interception point shares (the proxy driver's wrappers, the
 * datasource-proxy listener and the agent): it turns a timed JDBC call into an execution and hands
 * it to the statistics. Every method here is called on the application's thread and never throws: a
 * fault is caught and given to {@link Faults}. Internal: public only for the other QueryLens
 * modules.
 */
public final class Recording implements QueryLensExtension.Context {
  /** Stands for SQL that could not be normalised; should never be seen. */
  static final QueryShape UNKNOWN_SHAPE = new QueryShape(0, "(unknown)", "");

  private static volatile Recording global;

  private final QueryLensConfig config;
  private final ShapeCache shapes;
  private final ShapeRegistry registry;
  private final ConnectionStats connections;
  private final UnitOfWorkTracker tracker;
  private final ServerStatistics serverStatistics;
  private volatile ExecutionListener[] listeners = new ExecutionListener[0];

  private Recording(QueryLensConfig config) {
    this.config = config;
    this.shapes =
        new ShapeCache(
            config.sqlCacheMaxEntries(),
            config.sqlCacheMaxSqlLength(),
            ShapeCache.DEFAULT_MAX_TOTAL_CHARS);
    this.registry = new ShapeRegistry(config.maxShapes());
    this.connections = new ConnectionStats();
    // a no-op when diagnosis is off
    this.tracker = new UnitOfWorkTracker(config, BuiltInDetectors.create(config));
    this.serverStatistics = new ServerStatistics(registry, config);
    loadUnitOfWorkSources();
  }

  /** A recording of its own, for tests and embedding; it prints nothing at exit. */
  public static Recording create(QueryLensConfig config) {
    return new Recording(config);
  }

  /**
   * The JVM-wide recording, configured from {@code querylens.*} system properties and {@code
   * QUERYLENS_*} environment variables on first use; it writes the exit reports they ask for.
   */
  public static Recording global() {
    Recording r = global;
    return r != null ? r : install(QueryLensConfig::fromEnvironment);
  }

  /**
   * Makes the JVM-wide recording use {@code config} (the agent's arguments over the system
   * properties and environment), when nothing has used {@link #global()} yet; it then writes the
   * exit reports {@code config} asks for. Returns the JVM-wide recording, which was built from
   * another config when this returns one whose {@link #config()} is not {@code config}.
   */
  public static Recording installGlobal(QueryLensConfig config) {
    return install(() -> config);
  }

  /** Builds the JVM-wide recording from {@code config} unless one exists; read under the lock. */
  private static synchronized Recording install(Supplier<QueryLensConfig> config) {
    Recording r = global;
    if (r == null) {
      r = new Recording(config.get());
      global = r; // before the extensions, which may ask for it
      r.loadExtensions();
    }
    return r;
  }

  /** Installs every {@link QueryLensExtension} on the class path into this recording. */
  private void loadExtensions() {
    loadServices(QueryLensExtension.class, this::install, "extensions");
  }

  /**
   * Hands every provider of {@code type} on the class path to {@code use}; what the loading throws
   * is caught and counted as {@code what}.
   */
  private static <T> void loadServices(Class<T> type, Consumer<T> use, String what) {
    try {
      for (T service : ServiceLoader.load(type)) {
        use.accept(service);
      }
    } catch (Throwable t) { // a broken provider must not stop the recording
      Faults.report(what, t);
    }
  }

  /** Installs {@code extension} into this recording; what it throws is caught and counted. */
  public void install(QueryLensExtension extension) {
    try {
      extension.install(this);
    } catch (Throwable t) {
      Faults.report("extension " + extension.getClass().getName(), t);
    }
  }

  @Override
  public QueryLensConfig config() {
    return config;
  }

  /** The shape of {@code sql} as {@code dialect} reads it, from the cache when it is there. */
  public QueryShape shapeOf(SqlDialect dialect, String sql) {
    try {
      return shapes.shapeOf(dialect, sql);
    } catch (Throwable t) {
      Faults.report("normalise", t);
      return UNKNOWN_SHAPE;
    }
  }

  /**
   * Adds a consumer of every {@link Execution} (an exporter). Listeners run on the application's
   * thread, after the shape statistics; what one throws is caught and counted.
   */
  @Override
  public void addExecutionListener(ExecutionListener listener) {
    synchronized (this) {
      ExecutionListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
      grown[listeners.length] = listener;
      listeners = grown;
    }
  }

  /** Removes a listener added with {@link #addExecutionListener}. */
  @Override
  public void removeExecutionListener(ExecutionListener listener) {
    synchronized (this) {
      listeners =
          Arrays.stream(listeners).filter(l -> l != listener).toArray(ExecutionListener[]::new);
    }
  }

  /**
   * Records an execution without a cursor (an update, a batch, a call) on {@code database} (the
   * connection's, shared by its executions), inside its execute call.
   */
  public void record(
      Database database,
      QueryShape shape,
      long start,
      long executeNanos,
      long rows,
      int batchSize,
      long parameterHash,
      long transactionId) {
    ExecutionView e = execution(database, shape, start, executeNanos, parameterHash, transactionId);
    e.insideExecute = true;
    e.rows = rows;
    e.batchSize = batchSize;
    deliver(e);
  }

  /**
   * Records an execution without a cursor after its execute call returned: an {@code execute()}
   * whose update count was read later, or never.
   */
  public void recordLater(
      Database database,
      QueryShape shape,
      long start,
      long executeNanos,
      long rows,
      long parameterHash,
      long transactionId) {
    ExecutionView e = execution(database, shape, start, executeNanos, parameterHash, transactionId);
    e.rows = rows;
    deliver(e);
  }

  /**
   * Records an execution whose cursor has ended: {@code readWhole} when it ended because {@code
   * next()} returned false, so that {@code rows} is the whole result.
   */
  public void recordCursor(
      Database database,
      QueryShape shape,
      long start,
      long executeNanos,
      long fetchNanos,
      long processNanos,
      long rows,
      boolean readWhole,
      long parameterHash,
      long transactionId) {
    ExecutionView e = execution(database, shape, start, executeNanos, parameterHash, transactionId);
    e.fetchNanos = fetchNanos;
    e.processNanos = processNanos;
    e.rows = rows;
    e.readWhole = readWhole;
    deliver(e);
  }

  /** Records an execution whose driver call threw {@code error}. */
  public void recordFailure(
      Database database,
      QueryShape shape,
      long start,
      long executeNanos,
      int batchSize,
      Throwable error,
      long parameterHash,
      long transactionId) {
    ExecutionView e = execution(database, shape, start, executeNanos, parameterHash, transactionId);
    e.insideExecute = true;
    e.batchSize = batchSize;
    e.error = error;
    deliver(e);
  }

  /** The thread's reused execution holder, with what every kind of execution has set. */
  private ExecutionView execution(
      Database database,
      QueryShape shape,
      long start,
      long executeNanos,
      long parameterHash,
      long transactionId) {
    ExecutionView e = tracker.execution();
    e.database = database;
    e.shape = shape;
    e.startNanos = start;
    e.executeNanos = executeNanos;
    e.parameterHash = parameterHash;
    e.transactionId = transactionId;
    return e;
  }

  /**
   * Hands one execution to the statistics, the unit-of-work tracker and the listeners. The
   * execution travels in the thread's reused {@link ExecutionView}, written above field by field;
   * the immutable {@link Execution} is only made when there are listeners: at ~80 bytes it would
   * otherwise be the largest allocation QueryLens adds to a point query.
   */
  private void deliver(ExecutionView e) {
    try {
      try {
        registry.record(
            e.shape, e.database, e.executeNanos, e.fetchNanos, e.processNanos, e.rows, e.failed());
      } catch (Throwable t) {
        Faults.report("record", t);
      }
      tracker.record(e);
      ExecutionListener[] targets = listeners;
      if (targets.length == 0) {
        return;
      }
      Execution execution =
          new Execution(
              e.insideExecute,
              e.shape,
              e.database,
              e.startNanos,
              e.executeNanos,
              e.fetchNanos,
              e.processNanos,
              e.rows,
              e.batchSize,
              e.error,
              e.parameterHash,
              e.transactionId);
      for (ExecutionListener listener : targets) {
        try {
          listener.onExecution(execution);
        } catch (Throwable t) {
          Faults.report("listener " + listener.getClass().getName(), t);
        }
      }
    } finally {
      e.release();
    }
  }

  /** A query's cursor is open on this thread; its execution is recorded when it ends. */
  public void cursorOpened(QueryShape shape) {
    tracker.cursorOpened(shape);
  }

  /**
   * An {@code execute()} returned and its outcome (update count or result set) is not read yet; it
   * is recorded later, when the stack no longer shows where it was executed.
   */
  public void executionPending(QueryShape shape) {
    tracker.executionPending(shape);
  }

  /**
   * An execute call whose execution is recorded later (when its cursor ends or its outcome is read)
   * is returning: tells the listeners, inside the call.
   */
  public void executeReturned(QueryShape shape) {
    ExecutionListener[] targets = listeners;
    for (int i = 0; i < targets.length; i++) {
      try {
        targets[i].onExecuteReturned(shape);
      } catch (Throwable t) {
        Faults.report("listener " + targets[i].getClass().getName(), t);
      }
    }
  }

  /** The JDBC transaction {@code transactionId} ended (commit, rollback, autocommit on, close). */
  public void transactionEnded(long transactionId) {
    tracker.transactionEnded(transactionId);
  }

  /**
   * Opens an explicit unit of work on this thread ({@code QueryLens.unitOfWork(name)}); a no-op
   * scope when diagnosis is off.
   */
  public UnitOfWork unitOfWork(String name) {
    return tracker.begin(name);
  }

  /**
   * Opens an explicit unit of work on this thread as {@link #unitOfWork} does, unless the thread is
   * in one already (an explicit scope, or a {@link UnitOfWorkSource}'s current unit: the agent's
   * request, a span); then the scope returned does nothing. For units that name only work no
   * request or span names, such as a framework's transactional methods.
   */
  public UnitOfWork unitOfWorkIfNone(String name) {
    return tracker.beginIfNone(name);
  }

  /** Adds a source of units of work (an OpenTelemetry span, an inbound request). */
  @Override
  public void addUnitOfWorkSource(UnitOfWorkSource source) {
    tracker.addSource(source);
  }

  private void loadUnitOfWorkSources() {
    loadServices(UnitOfWorkSource.class, this::addUnitOfWorkSource, "unit-of-work sources");
  }

  /**
   * One physical connect took {@code nanos}: a driver's {@code connect}, or a DataSource that does
   * not pool, on whatever thread (a pool's own included). Counted in the connection statistics
   * only: it reaches the time split through {@link #recordCheckout}, if the application waited for
   * it.
   */
  public void recordConnect(long nanos) {
    try {
      connections.recordConnect(nanos);
    } catch (Throwable t) {
      Faults.report("connect", t);
    }
  }

  /**
   * The application checked out a connection on this thread: it waited {@code poolWaitNanos} in a
   * pool ({@code fromPool}; its pool wait is then recorded as one {@code acquire}) and {@code
   * connectNanos} in the physical connects made for it (each also given to {@link #recordConnect}).
   * Both count in the time split as connection time, never as the application's, and both are given
   * to the execution listeners.
   */
  public void recordCheckout(long poolWaitNanos, long connectNanos, boolean fromPool) {
    if (fromPool) {
      try {
        connections.recordAcquire(poolWaitNanos);
      } catch (Throwable t) {
        Faults.report("acquire", t);
      }
    }
    long poolWait = Math.max(0L, poolWaitNanos);
    long connect = Math.max(0L, connectNanos);
    tracker.connectionCheckedOut(poolWait, connect);
    ExecutionListener[] targets = listeners;
    for (int i = 0; i < targets.length; i++) {
      try {
        targets[i].onCheckout(poolWait, connect);
      } catch (Throwable t) {
        Faults.report("listener " + targets[i].getClass().getName(), t);
      }
    }
  }

  /** A {@code getConnection()} that threw. */
  public void recordAcquireFailure() {
    try {
      connections.recordAcquireFailure();
    } catch (Throwable t) {
      Faults.report("acquire", t);
    }
  }

  /** One checkout ended: from {@code getConnection()}'s return to the application's close. */
  public void recordHold(long nanos) {
    try {
      connections.recordHold(nanos);
    } catch (Throwable t) {
      Faults.report("hold", t);
    }
  }

  /**
   * Whether {@code type} is the application's code, judged as for call sites (where the class was
   * loaded from, and {@code querylens.callsite.*}); QueryLens's own classes are not. Never throws.
   */
  public boolean isApplication(Class<?> type) {
    return tracker.isApplication(type);
  }

  /**
   * Adds a consumer of findings, told on the application's thread when a unit of work first shows
   * one.
   */
  @Override
  public void addFindingListener(FindingListener listener) {
    tracker.addFindingListener(listener);
  }

  /**
   * Adds a detector of findings of its own kind, run after the built-in ones (n-plus-one,
   * duplicate, chatty-writes, unbounded-result); a no-op when diagnosis is off.
   */
  @Override
  public void addDetector(Detector detector) {
    tracker.addDetector(detector);
  }

  /**
   * An immutable view of everything recorded so far. Its time is read after everything else, and is
   * never earlier than a finding's {@code lastSeenMillis}: reading the findings settles the open
   * units of threads that have died, which stamps those findings with the time of reading.
   */
  @Override
  public QueryLensSnapshot snapshot() {
    Diagnosis diagnosis = tracker.diagnosis();
    List<ShapeSnapshot> shapeSnapshots = serverStatistics.withServerSides(registry.snapshot());
    ConnectionSnapshot connectionSnapshot = connections.snapshot();
    long droppedShapes = registry.droppedShapes();
    TimeSplit time = diagnosis.time();
    List<Finding> findings = diagnosis.findings();
    long droppedFindings = diagnosis.droppedFindings();
    List<UnitSnapshot> units = diagnosis.units();
    TimeSplit startupTime = diagnosis.startupTime();
    List<UnitSnapshot> startupUnits = diagnosis.startupUnits();
    long takenAt = System.currentTimeMillis();
    for (Finding f : findings) {
      takenAt = Math.max(takenAt, f.lastSeenMillis()); // should the wall clock have stepped back
    }
    return new QueryLensSnapshot(
        takenAt,
        shapeSnapshots,
        connectionSnapshot,
        droppedShapes,
        Faults.count(),
        time,
        findings,
        droppedFindings,
        units,
        startupTime,
        startupUnits,
        serverStatistics.findings(shapeSnapshots),
        serverStatistics.statuses(shapeSnapshots));
  }

  /**
   * Where readers of the database servers' own statistics put what they read, matched to this
   * recording's shapes.
   */
  public ServerStatistics serverStatistics() {
    return serverStatistics;
  }

  @Override
  public void readServerStatisticsNow(long timeoutNanos) {
    serverStatistics.readNow(timeoutNanos);
  }

  /** Forgets everything recorded so far. */
  public void reset() {
    registry.reset();
    tracker.reset();
    connections.reset();
    serverStatistics.reset();
    Faults.reset();
  }
}
