package io.querylens.exporter.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the telemetry of one query shape on one database shares, built once: the low-cardinality
 * attributes of its operation for metrics, and the span name and attributes of the database
 * conventions for spans. Internal: public only for the metrics.
 */
public final class ShapeAttributes {
  final Database database;
  final String spanName;

  /**
   * The conventions' low-cardinality attributes: {@code db.system.name}, {@code db.namespace},
   * {@code server.address}, {@code server.port}, {@code db.operation.name}, {@code
   * db.collection.name} (when the shape names exactly one table, {@link QueryShape#tables()}).
   */
  public final Attributes operation;

  /**
   * A span's attributes: {@link #operation} plus {@code db.query.text} (the masked shape), {@code
   * db.query.summary} ({@link QueryShape#summary()}) and {@code querylens.shape.id}.
   */
  final Attributes attributes;

  /** For a span another tool made: QueryLens's own attributes only. */
  final Attributes enrichment;

  private ShapeAttributes(QueryShape shape, Database database) {
    this.database = database;
    // read with the shape, in the normaliser's one pass over the SQL
    String summary = shape.summary().isEmpty() ? null : shape.summary();
    String collection = shape.tables().size() == 1 ? shape.tables().get(0) : null;
    this.spanName = summary != null ? summary : database.systemName();
    AttributesBuilder o = Attributes.builder();
    o.put(SemanticAttributes.DB_SYSTEM_NAME, database.systemName());
    putIfPresent(o, SemanticAttributes.DB_NAMESPACE, database.namespace());
    putIfPresent(o, SemanticAttributes.SERVER_ADDRESS, database.serverAddress());
    if (database.serverPort() > 0) {
      o.put(SemanticAttributes.SERVER_PORT, database.serverPort());
    }
    if (!shape.operation().isEmpty()) {
      o.put(SemanticAttributes.DB_OPERATION_NAME, shape.operation());
    }
    putIfPresent(o, SemanticAttributes.DB_COLLECTION_NAME, collection);
    this.operation = o.build();
    AttributesBuilder s = operation.toBuilder();
    s.put(SemanticAttributes.DB_QUERY_TEXT, shape.text());
    putIfPresent(s, SemanticAttributes.DB_QUERY_SUMMARY, summary);
    s.put(SemanticAttributes.QUERYLENS_SHAPE_ID, shape.id());
    this.attributes = s.build();
    this.enrichment =
        Attributes.of(
            SemanticAttributes.QUERYLENS_SHAPE_ID,
            shape.id(),
            SemanticAttributes.QUERYLENS_SHAPE,
            shape.text());
  }

  private static void putIfPresent(AttributesBuilder b, AttributeKey<String> key, String value) {
    if (value != null) {
      b.put(key, value);
    }
  }

  /**
   * A bounded cache of {@link ShapeAttributes} by shape: a shape is cached with the database it was
   * first seen on; on another database, or once {@code maxEntries} are cached, its attributes are
   * built for the call at hand.
   */
  public static final class Cache {
    private final ConcurrentHashMap<QueryShape, ShapeAttributes> entries =
        new ConcurrentHashMap<>();
    private final int maxEntries;

    public Cache(int maxEntries) {
      this.maxEntries = maxEntries;
    }

    /** The attributes of {@code shape} on {@code database} ({@link Database#UNKNOWN} if null). */
    public ShapeAttributes of(QueryShape shape, Database database) {
      Database db = database == null ? Database.UNKNOWN : database;
      ShapeAttributes a = entries.get(shape);
      if (a != null && (a.database == db || a.database.equals(db))) {
        return a;
      }
      ShapeAttributes built = new ShapeAttributes(shape, db);
      if (a == null && entries.size() < maxEntries) {
        entries.putIfAbsent(shape, built);
      }
      return built;
    }
  }
}
