package io.querylens.jdbc.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The databases whose JDBC URLs QueryLens reads: how each is named ({@code db.system.name}), its
 * default port, and the grammar of its server URLs ({@code //host...}) and embedded ones.
 */
enum Vendor {
  POSTGRESQL("postgresql", 5432, Grammar.QUERY, Grammar.QUERY, List.of("postgresql", "pgsql")),
  MYSQL(
      "mysql",
      3306,
      Grammar.MYSQL,
      null,
      List.of("mysql", "mysql+srv", "mysqlx", "mysqlx+srv"),
      "loadbalance",
      "replication",
      "loadbalance+srv",
      "replication+srv"),
  MARIADB(
      "mariadb",
      3306,
      Grammar.MYSQL,
      null,
      List.of("mariadb"),
      "loadbalance",
      "sequential",
      "replication",
      "aurora",
      "failover",
      "load-balance-read"),
  H2("h2database", 9092, Grammar.SEMICOLON, Grammar.SEMICOLON, List.of("h2"), "tcp", "ssl"),
  ORACLE("oracle.db", 1521, Grammar.ORACLE, null, List.of("oracle")),
  SQLSERVER("microsoft.sql_server", 1433, Grammar.SQLSERVER, null, List.of("sqlserver")),
  JTDS_SQLSERVER("microsoft.sql_server", 1433, Grammar.SEMICOLON, null, List.of("jtds:sqlserver")),
  JTDS_SYBASE("other_sql", -1, Grammar.SEMICOLON, null, List.of("jtds:sybase")),
  DB2("ibm.db2", 50000, Grammar.DB2, Grammar.DB2, List.of("db2")),
  AS400("ibm.db2", -1, Grammar.SEMICOLON, null, List.of("as400")),
  HSQLDB(
      "hsqldb",
      -1,
      Grammar.SEMICOLON,
      Grammar.SEMICOLON,
      List.of("hsqldb"),
      "hsql",
      "hsqls",
      "http",
      "https"),
  DERBY("derby", -1, Grammar.SEMICOLON, Grammar.SEMICOLON, List.of("derby")),
  SQLITE("sqlite", -1, null, Grammar.QUERY, List.of("sqlite")),
  /** Any other: {@code jdbc:<word>://hosts/path} is read, the rest hidden. */
  OTHER("other_sql", -1, Grammar.UNKNOWN, null, List.of());

  private static final Set<String> ORACLE_DRIVERS = Set.of("thin", "oci", "oci8", "kprb");

  final String systemName;
  private final int defaultPort;
  private final Grammar server;
  private final Grammar embedded;
  private final List<String> schemes;
  private final Set<String> modes;

  Vendor(
      String systemName,
      int defaultPort,
      Grammar server,
      Grammar embedded,
      List<String> schemes,
      String... modes) {
    this.systemName = systemName;
    this.defaultPort = defaultPort;
    this.server = server;
    this.embedded = embedded;
    this.schemes = schemes;
    this.modes = Set.of(modes);
  }

  /** The vendor of {@code rest}, a URL after {@code jdbc:}. */
  static Vendor of(String rest) {
    String lower = rest.toLowerCase(Locale.ROOT);
    for (Vendor vendor : values()) {
      if (vendor.schemeLength(lower) > 0) {
        return vendor;
      }
    }
    return OTHER;
  }

  /**
   * The length of this vendor's scheme ({@code jtds:sqlserver}) that {@code lower}, a URL after
   * {@code jdbc:} in lower case, starts with, followed by a colon; 0 when it starts with none.
   */
  private int schemeLength(String lower) {
    if (this == OTHER) {
      int colon = lower.indexOf(':');
      return colon > 0 && UrlChars.isScheme(lower.substring(0, colon)) ? colon : 0;
    }
    for (String scheme : schemes) {
      if (lower.startsWith(scheme) && lower.startsWith(":", scheme.length())) {
        return scheme.length();
      }
    }
    return 0;
  }

  /** Reads {@code rest}, a URL of this vendor after {@code jdbc:}, into {@code out}. */
  void read(String rest, ParsedUrl out) {
    int length = schemeLength(rest.toLowerCase(Locale.ROOT));
    if (length == 0) {
      if (!rest.isEmpty()) {
        out.mask();
      }
      return;
    }
    out.show(rest.substring(0, length + 1));
    String body = rest.substring(length + 1);
    int slashes = body.indexOf("://");
    if (this == ORACLE) {
      int colon = body.indexOf(':');
      boolean driver =
          colon > 0 && ORACLE_DRIVERS.contains(body.substring(0, colon).toLowerCase(Locale.ROOT));
      if (driver) {
        out.show(body.substring(0, colon + 1));
        OracleUrl.read(body.substring(colon + 1), defaultPort, out);
      } else {
        out.mask();
      }
    } else if (server != null && body.startsWith("//")) {
      out.show("//");
      ServerUrl.read(body.substring(2), server, defaultPort, out);
    } else if (server != null && slashes > 0 && isMode(body.substring(0, slashes))) {
      out.show(body.substring(0, slashes + 3));
      ServerUrl.read(body.substring(slashes + 3), server, defaultPort, out);
    } else if (embedded != null) {
      UrlTail.read(body, embedded, true, out);
    } else if (!body.isEmpty()) {
      out.mask();
    }
  }

  private boolean isMode(String mode) {
    return this == OTHER ? UrlChars.isScheme(mode) : modes.contains(mode.toLowerCase(Locale.ROOT));
  }
}
