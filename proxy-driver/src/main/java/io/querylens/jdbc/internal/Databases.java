package io.querylens.jdbc.internal;

import io.querylens.core.Database;
import io.querylens.core.internal.Faults;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which {@link Database} a JDBC URL or connection is on (system, database name, host and
 * port), once per URL: parsed URLs are cached by a 64-bit hash of the text, so that neither the URL
 * nor a credential in it is kept, and at most {@value #MAX_CACHED} of them. Internal: public only
 * for the other QueryLens modules.
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

  /** Parses {@code url}; never throws. */
  static Database parse(String url) {
    try {
      return parseUnchecked(url);
    } catch (RuntimeException e) {
      return Database.UNKNOWN;
    }
  }

  private static Database parseUnchecked(String url) {
    String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return Database.UNKNOWN;
    }
    String sub = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String system = system(sub, rest);
    rest = rest.substring(colon + 1);
    if (sub.equals("oracle")) {
      int at = rest.indexOf('@');
      rest = at < 0 ? rest : rest.substring(at + 1);
      if (!rest.startsWith("//") && !rest.startsWith("(")) {
        rest = "//" + rest.replaceFirst(":([A-Za-z_][^:/]*)$", "/$1"); // host:port:SID
      }
    } else if (sub.equals("jtds")) {
      rest = rest.substring(rest.indexOf(':') + 1);
    }
    int slashes = rest.indexOf("//");
    if (slashes < 0 || rest.substring(0, slashes).contains("/")) {
      return new Database(system, embeddedName(rest), null, -1);
    }
    String afterSlashes = rest.substring(slashes + 2);
    int end = indexOfAny(afterSlashes, "/?;");
    String authority = end < 0 ? afterSlashes : afterSlashes.substring(0, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int comma = authority.indexOf(',');
    if (comma >= 0) {
      authority = authority.substring(0, comma); // the first of several hosts
    }
    String host = authority;
    int port = -1;
    int portColon =
        authority.startsWith("[")
            ? authority.indexOf(':', authority.indexOf(']'))
            : authority.lastIndexOf(':');
    if (portColon >= 0) {
      host = authority.substring(0, portColon);
      port = parsePort(authority.substring(portColon + 1));
    }
    if (port < 0) {
      port = defaultPort(system);
    }
    String namespace = null;
    if (end >= 0 && afterSlashes.charAt(end) == '/') {
      String path = afterSlashes.substring(end + 1);
      int stop = indexOfAny(path, "?;");
      namespace = emptyToNull(stop < 0 ? path : path.substring(0, stop));
    }
    if (namespace == null) {
      namespace = property(afterSlashes, "databasename");
    }
    return new Database(system, namespace, emptyToNull(host), port);
  }

  private static String system(String sub, String rest) {
    switch (sub) {
      case "postgresql":
      case "pgsql":
        return "postgresql";
      case "mariadb":
        return "mariadb";
      case "mysql":
        return "mysql";
      case "h2":
        return "h2database";
      case "oracle":
        return "oracle.db";
      case "sqlserver":
        return "microsoft.sql_server";
      case "jtds":
        return rest.startsWith("jtds:sqlserver") ? "microsoft.sql_server" : "other_sql";
      case "db2":
      case "as400":
        return "ibm.db2";
      case "hsqldb":
        return "hsqldb";
      case "derby":
        return "derby";
      case "sqlite":
        return "sqlite";
      default:
        return "other_sql";
    }
  }

  private static int defaultPort(String system) {
    switch (system) {
      case "postgresql":
        return 5432;
      case "mariadb":
      case "mysql":
        return 3306;
      case "microsoft.sql_server":
        return 1433;
      case "oracle.db":
        return 1521;
      case "ibm.db2":
        return 50000;
      case "h2database":
        return 9092;
      default:
        return -1;
    }
  }

  /** An embedded database's name: {@code mem:test;X=1} and {@code file:/data/app} give the name. */
  private static String embeddedName(String rest) {
    int stop = indexOfAny(rest, "?;");
    String path = stop < 0 ? rest : rest.substring(0, stop);
    path = path.substring(path.lastIndexOf(':') + 1);
    path = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    return emptyToNull(path);
  }

  /** A {@code ;name=value} property's value, the name compared ignoring case. */
  private static String property(String text, String name) {
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return emptyToNull(part.substring(eq + 1).trim());
      }
    }
    return null;
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      return port > 0 && port < 65536 ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
