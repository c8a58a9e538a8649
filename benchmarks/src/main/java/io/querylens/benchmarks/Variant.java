package io.querylens.benchmarks;

import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.querylens.core.config.Mode;
import io.querylens.exporter.otel.QueryLensOpenTelemetry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;

/** The ways of reaching H2 that the benchmarks compare, keyed by their {@code @Param} name. */
enum Variant {
  /** H2's own driver, nothing in between: the baseline. */
  RAW("raw") {
    @Override
    Opened open() throws SQLException {
      return new Opened(DriverManager.getConnection(JdbcState.H2_URL), null);
    }
  },

  /** QueryLens through its driver URL, with default settings (console report switched off). */
  QUERYLENS("querylens") {
    @Override
    Opened open() throws SQLException {
      String url = "jdbc:querylens:" + JdbcState.H2_URL.substring("jdbc:".length());
      return new Opened(DriverManager.getConnection(url), null);
    }
  },

  /**
   * QueryLens's {@code -javaagent} with the plain H2 URL: the agent wraps what {@code
   * Driver.connect} returns. Only meaningful in a JVM started with the agent, as {@link
   * AgentOverheadBenchmark}'s forks are.
   */
  QUERYLENS_AGENT("querylens-agent") {
    @Override
    Opened open() throws SQLException {
      return RAW.open();
    }

    @Override
    void checkWrapped(Connection connection) throws SQLException {
      if (!connection.getClass().getName().equals(WRAPPER)) {
        throw new IllegalStateException(
            "the agent did not wrap the connection ("
                + connection.getClass().getName()
                + "): is the JVM started with -javaagent:querylens-agent.jar?");
      }
    }
  },

  /**
   * QueryLens with {@code querylens.diagnosis.enabled=false}: per-shape statistics only, no units
   * of work, findings or time split. The difference to {@link #QUERYLENS} is what diagnosis costs.
   */
  QUERYLENS_STATISTICS_ONLY("querylens-statistics-only") {
    @Override
    Opened open() throws SQLException {
      System.setProperty("querylens.diagnosis.enabled", "false");
      return QUERYLENS.open();
    }
  },

  /**
   * datasource-proxy with one listener that does nothing and its ResultSet proxy on, the mode in
   * which it sees rows as QueryLens does.
   */
  DATASOURCE_PROXY("datasource-proxy") {
    @Override
    Opened open() throws SQLException {
      DataSource proxy =
          ProxyDataSourceBuilder.create(h2DataSource())
              .listener(new IgnoringQueryListener())
              .proxyResultSet()
              .build();
      return new Opened(proxy.getConnection(), null);
    }

    @Override
    void checkWrapped(Connection connection) throws SQLException {
      super.checkWrapped(connection);
      try (Statement statement = connection.createStatement();
          ResultSet resultSet = statement.executeQuery("select 1")) {
        if (!(resultSet instanceof ProxyJdbcObject)) {
          throw new IllegalStateException("datasource-proxy did not proxy the ResultSet");
        }
      }
    }
  },

  /**
   * p6spy through its driver URL with logging off: only its core module is loaded, so its wrappers
   * time every call and notify a listener chain that holds no logger. The appender is SLF4J (bound
   * to slf4j-nop) instead of the default file appender, which would create spy.log at start even
   * with the logging module absent.
   */
  P6SPY("p6spy") {
    @Override
    Opened open() throws SQLException {
      // System properties win over any spy.properties; p6spy reads them at its first connection.
      System.setProperty("p6spy.config.modulelist", "com.p6spy.engine.spy.P6SpyFactory");
      System.setProperty("p6spy.config.appender", "com.p6spy.engine.spy.appender.Slf4JLogger");
      System.setProperty("p6spy.config.jmx", "false");
      String url = "jdbc:p6spy:" + JdbcState.H2_URL.substring("jdbc:".length());
      return new Opened(DriverManager.getConnection(url), null);
    }
  },

  /**
   * The OpenTelemetry JDBC library over an SDK that samples every span and exports each one, as it
   * ends, to an exporter that drops it.
   */
  OTEL("otel") {
    @Override
    Opened open() throws SQLException {
      DiscardingSpanExporter exporter = new DiscardingSpanExporter();
      OpenTelemetrySdk sdk = alwaysOnSdk(exporter);
      DataSource traced = JdbcTelemetry.create(sdk).wrap(h2DataSource());
      Connection connection = traced.getConnection();
      // Counted after getConnection, whose own span must not pass for statement spans.
      return exporting(sdk, exporter, connection, exporter.exported());
    }
  },

  /**
   * QueryLens through its driver URL making a client span per execution into the same SDK as {@link
   * #OTEL} (every span sampled, each exported as it ends to an exporter that drops it), with its
   * metrics registered on that SDK as on any application's OpenTelemetry.
   */
  QUERYLENS_OTEL("querylens-otel") {
    @Override
    Opened open() throws SQLException {
      DiscardingSpanExporter exporter = new DiscardingSpanExporter();
      OpenTelemetrySdk sdk = alwaysOnSdk(exporter);
      QueryLensOpenTelemetry.builder().setOpenTelemetry(sdk).setSpans(Mode.ON).build().install();
      return exporting(sdk, exporter, QUERYLENS.open().connection(), 0);
    }
  },

  /**
   * QueryLens making a span per execution into an SDK of its own, configured by {@code otel.*}
   * properties to send spans, metrics and logs over OTLP to a port where nothing listens: what the
   * application pays while the collector is down (the batch processor's bounded queue fills, then
   * drops).
   */
  QUERYLENS_OTEL_COLLECTOR_DOWN("querylens-otel-collector-down") {
    @Override
    Opened open() throws SQLException {
      System.setProperty("otel.service.name", "querylens-benchmarks");
      System.setProperty("otel.exporter.otlp.endpoint", "http://127.0.0.1:9");
      System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
      System.setProperty("otel.metric.export.interval", "1000");
      QueryLensOpenTelemetry.builder().setSpans(Mode.ON).build().install();
      return QUERYLENS.open();
    }
  };

  /** The class of the connections QueryLens hands out, named so no internal type is imported. */
  static final String WRAPPER = "io.querylens.jdbc.internal.QueryLensConnection";

  private final String paramName;

  Variant(String paramName) {
    this.paramName = paramName;
  }

  /** The variant named by a {@code @Param} value. */
  static Variant of(String paramName) {
    for (Variant variant : values()) {
      if (variant.paramName.equals(paramName)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown variant: " + paramName);
  }

  /** Opens one connection to {@link JdbcState#H2_URL} through this variant. */
  abstract Opened open() throws SQLException;

  /** Fails unless the connection is H2's own for {@code raw} and a wrapper for the others. */
  void checkWrapped(Connection connection) throws SQLException {
    boolean bare = connection instanceof JdbcConnection;
    if (bare != (this == RAW)) {
      throw new IllegalStateException(
          paramName + " opened a " + connection.getClass().getName() + " connection");
    }
  }

  /** An SDK sampling every span and handing each, as it ends, to {@code exporter}. */
  static OpenTelemetrySdk alwaysOnSdk(DiscardingSpanExporter exporter) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .setSampler(Sampler.alwaysOn())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build())
        .build();
  }

  /**
   * {@code connection}, closing {@code sdk} after it and failing unless statement spans beyond the
   * {@code spansBefore} already exported reached {@code exporter}.
   */
  static Opened exporting(
      OpenTelemetrySdk sdk,
      DiscardingSpanExporter exporter,
      Connection connection,
      long spansBefore) {
    return new Opened(
        connection,
        () -> {
          sdk.close();
          if (exporter.exported() <= spansBefore) {
            throw new IllegalStateException("no statement spans were exported");
          }
        });
  }

  static DataSource h2DataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(JdbcState.H2_URL);
    return dataSource;
  }

  /** A variant's open connection and what to release (and check) after closing it. */
  static final class Opened implements AutoCloseable {
    private final Connection connection;
    private final Runnable afterClose;

    Opened(Connection connection, Runnable afterClose) {
      this.connection = connection;
      this.afterClose = afterClose;
    }

    Connection connection() {
      return connection;
    }

    @Override
    public void close() throws SQLException {
      try {
        connection.close();
      } finally {
        if (afterClose != null) {
          afterClose.run();
        }
      }
    }
  }

  /** A datasource-proxy listener that does nothing, so only the proxying itself is measured. */
  static final class IgnoringQueryListener implements QueryExecutionListener {
    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}
  }
}
