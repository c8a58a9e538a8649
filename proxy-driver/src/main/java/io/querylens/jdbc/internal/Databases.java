package io.querylens.jdbc.internal;

import io.querylens.core.Database;
import io.querylens.core.intercept.Faults;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which {@link Database} a JDBC URL or connection is on (system, database name, host and
 * port, as {@link JdbcUrl} reads them), once per URL: parsed URLs are cached by a 64-bit hash of
 * the text, so that neither the URL nor a credential in it is kept, and at most {@value
 * #MAX_CACHED} of them. Internal: public only for the other QueryLens modules.
 */
public final class Databases {
  static final int MAX_CACHED = 256;

  private static final ConcurrentHashMap<Long, Database> cache = new ConcurrentHashMap<>();

  private Databases() {}

  /**
   * The database {@code connection} is on, read from its metadata's URL; {@link Database#UNKNOWN}
   * when the driver does not tell. Asked once per wrapped connection.
   */
  public static Database of(Connection connection) {
    try {
      return ofUrl(connection.getMetaData().getURL());
    } catch (SQLException e) { // a closed or broken connection: not QueryLens's fault
      return Database.UNKNOWN;
    } catch (Throwable t) {
      Faults.report("database of connection", t);
      return Database.UNKNOWN;
    }
  }

  /** The database of a JDBC URL ({@code jdbc:postgresql://db:5432/app}), cached. */
  public static Database ofUrl(String url) {
    if (url == null) {
      return Database.UNKNOWN;
    }
    Long key = hash(url);
    Database d = cache.get(key);
    if (d == null) {
      d = parse(url);
      if (cache.size() < MAX_CACHED) {
        cache.putIfAbsent(key, d);
      }
    }
    return d;
  }

  private static long hash(String s) { // FNV-1a, 64 bits
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** Reads {@code url} ({@link JdbcUrl}); never throws. */
  static Database parse(String url) {
    return JdbcUrl.parse(url).database();
  }
}
