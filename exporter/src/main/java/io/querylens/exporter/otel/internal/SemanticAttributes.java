package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys QueryLens writes: the stable database semantic conventions, and its own under
 * {@code querylens.*}. Durations are in nanoseconds, named so. Internal: public only for the
 * metrics.
 */
public final class SemanticAttributes {
  public static final AttributeKey<String> DB_SYSTEM_NAME =
      AttributeKey.stringKey("db.system.name");
  public static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  public static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  public static final AttributeKey<String> DB_QUERY_SUMMARY =
      AttributeKey.stringKey("db.query.summary");
  public static final AttributeKey<String> DB_OPERATION_NAME =
      AttributeKey.stringKey("db.operation.name");
  public static final AttributeKey<String> DB_COLLECTION_NAME =
      AttributeKey.stringKey("db.collection.name");
  public static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE =
      AttributeKey.longKey("db.operation.batch.size");
  public static final AttributeKey<String> DB_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("db.response.status_code");
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  public static final AttributeKey<String> QUERYLENS_SHAPE_ID =
      AttributeKey.stringKey("querylens.shape.id");
  public static final AttributeKey<String> QUERYLENS_SHAPE =
      AttributeKey.stringKey("querylens.shape");
  public static final AttributeKey<Long> QUERYLENS_EXECUTE_NANOS =
      AttributeKey.longKey("querylens.execute.nanos");
  public static final AttributeKey<Long> QUERYLENS_FETCH_NANOS =
      AttributeKey.longKey("querylens.fetch.nanos");
  public static final AttributeKey<Long> QUERYLENS_PROCESS_NANOS =
      AttributeKey.longKey("querylens.process.nanos");
  public static final AttributeKey<Long> QUERYLENS_ROWS = AttributeKey.longKey("querylens.rows");

  public static final String FINDING_EVENT = "querylens.finding";
  public static final AttributeKey<String> FINDING_KIND =
      AttributeKey.stringKey("querylens.finding.kind");
  public static final AttributeKey<String> FINDING_SHAPE =
      AttributeKey.stringKey("querylens.finding.shape");
  public static final AttributeKey<String> FINDING_SHAPE_ID =
      AttributeKey.stringKey("querylens.finding.shape.id");
  public static final AttributeKey<String> FINDING_PARENT_SHAPE =
      AttributeKey.stringKey("querylens.finding.parent_shape");
  public static final AttributeKey<String> FINDING_PARENT_SHAPE_ID =
      AttributeKey.stringKey("querylens.finding.parent_shape.id");
  public static final AttributeKey<String> FINDING_CALL_SITE =
      AttributeKey.stringKey("querylens.finding.call_site");
  public static final AttributeKey<Long> FINDING_COUNT =
      AttributeKey.longKey("querylens.finding.count");
  public static final AttributeKey<Long> FINDING_WASTED_NANOS =
      AttributeKey.longKey("querylens.finding.wasted.nanos");
  public static final AttributeKey<String> FINDING_HINT =
      AttributeKey.stringKey("querylens.finding.hint");
  public static final AttributeKey<String> FINDING_UNIT =
      AttributeKey.stringKey("querylens.finding.unit");

  /** {@code runtime}, or {@code startup} for a finding seen in start-up (docs/findings.md). */
  public static final AttributeKey<String> FINDING_PHASE =
      AttributeKey.stringKey("querylens.finding.phase");

  /** What the detector saw; only on findings whose detector gives an explanation. */
  public static final AttributeKey<String> FINDING_EXPLANATION =
      AttributeKey.stringKey("querylens.finding.explanation");

  /** A database finding's cause, e.g. {@code lock wait}, {@code sequential scan}. */
  public static final AttributeKey<String> FINDING_CAUSE =
      AttributeKey.stringKey("querylens.finding.cause");

  /** A database finding's client execute + fetch per execution, in nanoseconds. */
  public static final AttributeKey<Long> FINDING_CLIENT_MEAN_NANOS =
      AttributeKey.longKey("querylens.finding.client_mean_nanos");

  /** A database finding's server planning + execution per call, in nanoseconds. */
  public static final AttributeKey<Long> FINDING_SERVER_MEAN_NANOS =
      AttributeKey.longKey("querylens.finding.server_mean_nanos");

  private SemanticAttributes() {}
}
