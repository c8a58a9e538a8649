package io.querylens.jdbc.internal;

/**
 * How a family of JDBC URLs lays out what follows the scheme: which characters end the hosts and
 * the database path, which one starts the properties and which separates them.
 */
enum Grammar {
  /** PostgreSQL, SQLite: {@code //host:port/db?key=value&key=value}, or {@code db?key=value}. */
  QUERY("/?#", "?#", '?', '&'),
  /**
   * MySQL and MariaDB: as {@link #QUERY}, and user-info ({@code user:password@host}) and the {@code
   * address=(host=h)(port=p)} and {@code (host=h,port=p)} forms of a host.
   */
  MYSQL("/?#", "?#", '?', '&') {
    @Override
    boolean hasUserInfo() {
      return true;
    }

    @Override
    boolean hostGroups() {
      return true;
    }
  },
  /** H2, HSQLDB, Derby, jTDS, AS/400: {@code //host:port/db;key=value;key=value}. */
  SEMICOLON("/;", ";", ';', ';') {
    @Override
    String namespace(String path) {
      return path.substring(path.indexOf(':') + 1); // H2's tcp://host/mem:db
    }
  },
  /** SQL Server: {@code //host\instance:port;databaseName=db;key=value}, without a path. */
  SQLSERVER(";", null, ';', ';') {
    @Override
    boolean instanceNames() {
      return true;
    }

    @Override
    boolean isNamespaceKey(String normalizedKey) {
      return normalizedKey.equals("databasename") || normalizedKey.equals("database");
    }
  },
  /** Db2: {@code //host:port/db:key=value;key=value;}. */
  DB2("/", ":;", ':', ';'),
  /** Oracle's EZConnect: {@code //host:port/service:server/instance?key=value}. */
  ORACLE("/?", "?", '?', '&') {
    @Override
    boolean atInHostsIsUserInfo() {
      return false;
    }

    @Override
    String namespace(String path) {
      return path.substring(0, UrlChars.indexOfAny(path, ":/", 0));
    }
  },
  /** Anything else: hosts and a database path are read, whatever follows them is hidden. */
  UNKNOWN("/?;#", "?;:&#", '\0', '\0');

  /** The characters that end the hosts. */
  final String hostsEnd;

  /** The characters that end the database path; null when there is none. */
  final String pathEnd;

  /** The character before the first property; {@code \0} when properties are not understood. */
  final char propertiesStart;

  /** The character between properties. */
  final char separator;

  Grammar(String hostsEnd, String pathEnd, char propertiesStart, char separator) {
    this.hostsEnd = hostsEnd;
    this.pathEnd = pathEnd;
    this.propertiesStart = propertiesStart;
    this.separator = separator;
  }

  /**
   * Whether user-info ({@code user:password@}) belongs to the grammar, so that an {@code @} after
   * the hosts followed by a host may be where it ends.
   */
  boolean hasUserInfo() {
    return false;
  }

  /**
   * Whether an {@code @} in the hosts part is read as the end of user-info (and what comes before
   * it hidden) even in a grammar without it; where it is not (Oracle's connect identifiers), it
   * means the URL was misread.
   */
  boolean atInHostsIsUserInfo() {
    return true;
  }

  /** Whether a host may be a group of key=value pairs in parentheses. */
  boolean hostGroups() {
    return false;
  }

  /** Whether a host may name an instance: {@code host\instance}. */
  boolean instanceNames() {
    return false;
  }

  /** The database name in a server URL's path. */
  String namespace(String path) {
    return path;
  }

  /** Whether a property with this key names the database. */
  boolean isNamespaceKey(String normalizedKey) {
    return false;
  }
}
