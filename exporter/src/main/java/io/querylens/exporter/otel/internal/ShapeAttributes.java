package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every span of one query shape on one database shares, built once: the span name and the
 * attributes of the database conventions ({@code db.system.name}, {@code db.namespace}, {@code
 * db.query.text} as the masked shape, {@code db.query.summary}, {@code db.operation.name}, {@code
 * db.collection.name}, {@code server.address}, {@code server.port}) plus {@code
 * querylens.shape.id}.
 */
final class ShapeAttributes {
  final QueryShape shape;
  final Database database;
  final String spanName;
  final Attributes attributes;

  /** For a span another tool made: QueryLens's own attributes only. */
  final Attributes enrichment;

  private ShapeAttributes(QueryShape shape, Database database) {
    this.shape = shape;
    this.database = database;
    QuerySummary summary = QuerySummary.of(shape);
    String op = shape.operation();
    this.spanName =
        summary.summary != null
            ? summary.summary
            : (op != null && !op.isEmpty() ? op : database.systemName());
    AttributesBuilder b = Attributes.builder();
    b.put(SemanticAttributes.DB_SYSTEM_NAME, database.systemName());
    putIfPresent(b, SemanticAttributes.DB_NAMESPACE, database.namespace());
    b.put(SemanticAttributes.DB_QUERY_TEXT, shape.text());
    putIfPresent(b, SemanticAttributes.DB_QUERY_SUMMARY, summary.summary);
    putIfPresent(b, SemanticAttributes.DB_OPERATION_NAME, op == null || op.isEmpty() ? null : op);
    putIfPresent(b, SemanticAttributes.DB_COLLECTION_NAME, summary.collection);
    putIfPresent(b, SemanticAttributes.SERVER_ADDRESS, database.serverAddress());
    if (database.serverPort() > 0) {
      b.put(SemanticAttributes.SERVER_PORT, database.serverPort());
    }
    b.put(SemanticAttributes.QUERYLENS_SHAPE_ID, shape.id());
    this.attributes = b.build();
    this.enrichment =
        Attributes.of(
            SemanticAttributes.QUERYLENS_SHAPE_ID,
            shape.id(),
            SemanticAttributes.QUERYLENS_SHAPE,
            shape.text());
  }

  private static void putIfPresent(
      AttributesBuilder b, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null) {
      b.put(key, value);
    }
  }

  /**
   * A bounded cache of {@link ShapeAttributes} by shape: a shape is cached with the database it was
   * first seen on; on another database, or once {@code maxEntries} are cached, its attributes are
   * built for the span at hand.
   */
  static final class Cache {
    private final ConcurrentHashMap<QueryShape, ShapeAttributes> entries =
        new ConcurrentHashMap<>();
    private final int maxEntries;

    Cache(int maxEntries) {
      this.maxEntries = maxEntries;
    }

    ShapeAttributes of(QueryShape shape, Database database) {
      ShapeAttributes a = entries.get(shape);
      if (a != null && (a.database == database || a.database.equals(database))) {
        return a;
      }
      ShapeAttributes built = new ShapeAttributes(shape, database);
      if (a == null && entries.size() < maxEntries) {
        entries.putIfAbsent(shape, built);
      }
      return built;
    }
  }
}
