package io.querylens.core.internal.server;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.internal.stats.ShapeRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The recorded shapes by database and {@link ServerTextKey}, for matching the server's statements
 * to them. Brought up to date from the registry before each read of the server's statistics;
 * bounded by the registry's shapes. Used by one reader thread at a time.
 */
public final class ShapeKeys {
  private final ShapeRegistry registry;
  private final Map<Long, Boolean> indexed = new HashMap<>();
  private final Map<Key, QueryShape> byKey = new HashMap<>();

  public ShapeKeys(ShapeRegistry registry) {
    this.registry = registry;
  }

  /** Indexes the shapes recorded since the last call. */
  public synchronized void refresh() {
    registry.forEachShape(
        (shape, database) -> {
          if (indexed.putIfAbsent(shape.fingerprint(), Boolean.TRUE) == null) {
            byKey.putIfAbsent(new Key(database, ServerTextKey.ofShapeText(shape.text())), shape);
          }
        });
  }

  /** The recorded shape of {@code database} whose key is {@code key}, or null. */
  public synchronized QueryShape find(Database database, String key) {
    return byKey.get(new Key(database, key));
  }

  /** Forgets every shape (the recording was reset). */
  public synchronized void clear() {
    indexed.clear();
    byKey.clear();
  }

  private record Key(Database database, String text) {}
}
