package io.querylens.exporter.otel;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP receiver for tests: a gRPC server (grpc-java with protobuf marshallers, no generated
 * stubs) and an HTTP/protobuf server (the JDK's HttpServer), both on free local ports, decoding the
 * opentelemetry-proto export requests for traces, metrics and logs and keeping them in arrival
 * order (public for the agent module's tests, which use the test jar). It can answer slowly ({@link
 * #setResponseDelay}) or fail ({@link #setFailing}) to stand for a collector in trouble.
 */
public final class OtlpReceiver implements AutoCloseable {
  private static final String TRACE_SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";
  private static final String METRICS_SERVICE =
      "opentelemetry.proto.collector.metrics.v1.MetricsService";
  private static final String LOGS_SERVICE = "opentelemetry.proto.collector.logs.v1.LogsService";

  private final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
  private final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
  private final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
  private final List<String> transports = new CopyOnWriteArrayList<>();
  private final Server grpc;
  private final HttpServer http;
  private volatile long delayMillis;
  private volatile boolean failing;

  private OtlpReceiver() throws IOException {
    this.grpc =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(
                service(
                    TRACE_SERVICE,
                    ExportTraceServiceRequest.getDefaultInstance(),
                    ExportTraceServiceResponse.getDefaultInstance(),
                    traces))
            .addService(
                service(
                    METRICS_SERVICE,
                    ExportMetricsServiceRequest.getDefaultInstance(),
                    ExportMetricsServiceResponse.getDefaultInstance(),
                    metrics))
            .addService(
                service(
                    LOGS_SERVICE,
                    ExportLogsServiceRequest.getDefaultInstance(),
                    ExportLogsServiceResponse.getDefaultInstance(),
                    logs))
            .build()
            .start();
    this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/v1/traces",
        e ->
            handle(
                e,
                ExportTraceServiceRequest.parser(),
                traces,
                ExportTraceServiceResponse.getDefaultInstance()));
    http.createContext(
        "/v1/metrics",
        e ->
            handle(
                e,
                ExportMetricsServiceRequest.parser(),
                metrics,
                ExportMetricsServiceResponse.getDefaultInstance()));
    http.createContext(
        "/v1/logs",
        e ->
            handle(
                e,
                ExportLogsServiceRequest.parser(),
                logs,
                ExportLogsServiceResponse.getDefaultInstance()));
    http.start();
  }

  /** Starts both servers on free ports. */
  public static OtlpReceiver start() throws IOException {
    return new OtlpReceiver();
  }

  /** The gRPC endpoint, for {@code otel.exporter.otlp.endpoint} with protocol {@code grpc}. */
  public String grpcEndpoint() {
    return "http://127.0.0.1:" + grpc.getPort();
  }

  /** The HTTP endpoint, for {@code otel.exporter.otlp.endpoint} with {@code http/protobuf}. */
  public String httpEndpoint() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Makes every later request wait this long before it is answered. */
  public void setResponseDelay(Duration delay) {
    this.delayMillis = delay.toMillis();
  }

  /** Makes every later request fail (gRPC UNAVAILABLE, HTTP 503) after being counted. */
  public void setFailing(boolean failing) {
    this.failing = failing;
  }

  /** Forgets every request received so far. */
  public void clear() {
    traces.clear();
    metrics.clear();
    logs.clear();
    transports.clear();
  }

  public List<ExportTraceServiceRequest> traceRequests() {
    return List.copyOf(traces);
  }

  public List<ExportMetricsServiceRequest> metricRequests() {
    return List.copyOf(metrics);
  }

  public List<ExportLogsServiceRequest> logRequests() {
    return List.copyOf(logs);
  }

  /** {@code grpc} or {@code http} per request received, in arrival order. */
  public List<String> transports() {
    return List.copyOf(transports);
  }

  /** Every span received so far. */
  public List<Span> spans() {
    List<Span> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : traces) {
      r.getResourceSpansList()
          .forEach(rs -> rs.getScopeSpansList().forEach(ss -> out.addAll(ss.getSpansList())));
    }
    return out;
  }

  /** Every metric received so far (each export repeats the cumulative ones). */
  public List<Metric> metrics() {
    List<Metric> out = new ArrayList<>();
    for (ExportMetricsServiceRequest r : metrics) {
      r.getResourceMetricsList()
          .forEach(rm -> rm.getScopeMetricsList().forEach(sm -> out.addAll(sm.getMetricsList())));
    }
    return out;
  }

  /** Every log record received so far. */
  public List<LogRecord> logRecords() {
    List<LogRecord> out = new ArrayList<>();
    for (ExportLogsServiceRequest r : logs) {
      r.getResourceLogsList()
          .forEach(rl -> rl.getScopeLogsList().forEach(sl -> out.addAll(sl.getLogRecordsList())));
    }
    return out;
  }

  /** The resource attributes of every trace export, as strings. */
  public List<Map<String, String>> traceResources() {
    List<Map<String, String>> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : traces) {
      r.getResourceSpansList()
          .forEach(rs -> out.add(attributes(rs.getResource().getAttributesList())));
    }
    return out;
  }

  /**
   * Waits up to {@code timeout} until {@code read} (e.g. {@code OtlpReceiver::spans}) returns a
   * list matching {@code done}, and returns it; the last list read when time runs out.
   */
  public <T> List<T> await(
      Function<OtlpReceiver, List<T>> read, Predicate<List<T>> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<T> list = read.apply(this);
    while (!done.test(list) && System.nanoTime() - deadline < 0) {
      Thread.sleep(20);
      list = read.apply(this);
    }
    return list;
  }

  /** Attributes as strings (ints and doubles in decimal, booleans as true/false). */
  public static Map<String, String> attributes(List<KeyValue> attributes) {
    return attributes.stream()
        .collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue()), (a, b) -> b));
  }

  /** One attribute value as a string, as {@link #attributes} gives it. */
  public static String text(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE:
        return v.getStringValue();
      case INT_VALUE:
        return Long.toString(v.getIntValue());
      case DOUBLE_VALUE:
        return Double.toString(v.getDoubleValue());
      case BOOL_VALUE:
        return Boolean.toString(v.getBoolValue());
      default:
        return v.toString();
    }
  }

  @Override
  public void close() {
    http.stop(0);
    try {
      grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pause() {
    long d = delayMillis;
    if (d > 0) {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private <Q extends Message> void handle(
      HttpExchange exchange, Parser<Q> parser, List<Q> into, Message response) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      Q request;
      try {
        request = parser.parseFrom(body);
      } catch (InvalidProtocolBufferException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      into.add(request);
      transports.add("http");
      pause();
      if (failing) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      byte[] out = response.toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private <Q extends Message, R extends Message> ServerServiceDefinition service(
      String service, Q requestPrototype, R response, List<Q> into) {
    MethodDescriptor<Q, R> method =
        MethodDescriptor.<Q, R>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(service, "Export"))
            .setRequestMarshaller(ProtoUtils.marshaller(requestPrototype))
            .setResponseMarshaller(ProtoUtils.marshaller(response))
            .build();
    ServerCallHandler<Q, R> handler =
        (call, headers) -> {
          call.request(1);
          return new ServerCall.Listener<Q>() {
            @Override
            public void onMessage(Q request) {
              into.add(request);
              transports.add("grpc");
              pause();
              if (failing) {
                call.close(
                    Status.UNAVAILABLE.withDescription("failing on purpose"), new Metadata());
                return;
              }
              call.sendHeaders(new Metadata());
              call.sendMessage(response);
              call.close(Status.OK, new Metadata());
            }
          };
        };
    return ServerServiceDefinition.builder(service).addMethod(method, handler).build();
  }
}
