package io.querylens.core;

/**
 * Which database's rules QueryLens follows when it reads a statement into its {@link QueryShape}:
 * where strings, quoted names and comments start and end differs between databases, and a shape
 * must mask exactly what the database reads as a literal. Chosen per connection from the database's
 * {@code db.system.name} ({@link #of}); the rules themselves are internal to QueryLens and written
 * out in {@code docs/sql-dialects.md}.
 */
public enum SqlDialect {
  /** PostgreSQL with {@code standard_conforming_strings} on, the default since 9.1. */
  POSTGRESQL,
  /** PostgreSQL in a session with {@code standard_conforming_strings} off. */
  POSTGRESQL_ESCAPED_STRINGS,
  /** PostgreSQL through a driver that does not tell {@code standard_conforming_strings}. */
  POSTGRESQL_UNKNOWN_STRINGS,
  /** H2. */
  H2,
  /** MySQL and MariaDB. */
  MYSQL,
  /** Microsoft SQL Server. */
  SQL_SERVER,
  /** Oracle Database. */
  ORACLE,
  /** IBM Db2. */
  DB2,
  /** SQLite. */
  SQLITE,
  /** HSQLDB. */
  HSQLDB,
  /** Apache Derby. */
  DERBY,
  /**
   * A database QueryLens does not know: wherever the known databases read a construct differently,
   * the shape is cut there rather than guessed.
   */
  OTHER;

  /**
   * The dialect of a database by its {@code db.system.name} ({@link Database#systemName()}); {@link
   * #OTHER} for null and for systems QueryLens does not know. PostgreSQL is {@link #POSTGRESQL};
   * the other two PostgreSQL dialects depend on the session, which only a connection can tell.
   */
  public static SqlDialect of(String systemName) {
    if (systemName == null) {
      return OTHER;
    }
    switch (systemName) {
      case "postgresql":
        return POSTGRESQL;
      case "h2database":
        return H2;
      case "mariadb":
      case "mysql":
        return MYSQL;
      case "microsoft.sql_server":
        return SQL_SERVER;
      case "oracle.db":
        return ORACLE;
      case "ibm.db2":
        return DB2;
      case "sqlite":
        return SQLITE;
      case "hsqldb":
        return HSQLDB;
      case "derby":
        return DERBY;
      default:
        return OTHER;
    }
  }
}
