package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys QueryLens writes: the stable database semantic conventions, and its own under
 * {@code querylens.*}. Durations are in nanoseconds, named so.
 */
final class SemanticAttributes {
  static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> DB_QUERY_SUMMARY = AttributeKey.stringKey("db.query.summary");
  static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> DB_COLLECTION_NAME =
      AttributeKey.stringKey("db.collection.name");
  static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE =
      AttributeKey.longKey("db.operation.batch.size");
  static final AttributeKey<String> DB_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("db.response.status_code");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final AttributeKey<String> QUERYLENS_SHAPE_ID =
      AttributeKey.stringKey("querylens.shape.id");
  static final AttributeKey<String> QUERYLENS_SHAPE = AttributeKey.stringKey("querylens.shape");
  static final AttributeKey<Long> QUERYLENS_EXECUTE_NANOS =
      AttributeKey.longKey("querylens.execute.nanos");
  static final AttributeKey<Long> QUERYLENS_FETCH_NANOS =
      AttributeKey.longKey("querylens.fetch.nanos");
  static final AttributeKey<Long> QUERYLENS_PROCESS_NANOS =
      AttributeKey.longKey("querylens.process.nanos");
  static final AttributeKey<Long> QUERYLENS_ROWS = AttributeKey.longKey("querylens.rows");

  static final String FINDING_EVENT = "querylens.finding";
  static final AttributeKey<String> FINDING_KIND = AttributeKey.stringKey("querylens.finding.kind");
  static final AttributeKey<String> FINDING_SHAPE =
      AttributeKey.stringKey("querylens.finding.shape");
  static final AttributeKey<String> FINDING_SHAPE_ID =
      AttributeKey.stringKey("querylens.finding.shape.id");
  static final AttributeKey<String> FINDING_PARENT_SHAPE =
      AttributeKey.stringKey("querylens.finding.parent_shape");
  static final AttributeKey<String> FINDING_CALL_SITE =
      AttributeKey.stringKey("querylens.finding.call_site");
  static final AttributeKey<Long> FINDING_COUNT = AttributeKey.longKey("querylens.finding.count");
  static final AttributeKey<Long> FINDING_WASTED_NANOS =
      AttributeKey.longKey("querylens.finding.wasted.nanos");
  static final AttributeKey<String> FINDING_HINT = AttributeKey.stringKey("querylens.finding.hint");
  static final AttributeKey<String> FINDING_UNIT = AttributeKey.stringKey("querylens.finding.unit");

  private SemanticAttributes() {}
}
