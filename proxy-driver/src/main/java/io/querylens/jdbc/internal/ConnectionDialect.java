package io.querylens.jdbc.internal;

import io.querylens.core.Database;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.Faults;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;

/**
 * How one connection's database reads SQL, for its shapes. For most databases that is fixed by the
 * system ({@link SqlDialect#of}); PostgreSQL's plain strings take backslash escapes when the
 * session turns {@code standard_conforming_strings} off, which the PostgreSQL JDBC driver tracks
 * from the server's reports, so it is asked at each statement. When the driver cannot be asked
 * (another driver, or a class loader that hides it), backslashes are treated as unsure. Internal:
 * public only for the other QueryLens modules.
 */
public final class ConnectionDialect {
  private static final String PG_CONNECTION = "org.postgresql.core.BaseConnection";

  private final SqlDialect dialect;

  /** {@code getStandardConformingStrings()} bound to the driver's connection, or null. */
  private final MethodHandle standardStrings;

  private ConnectionDialect(SqlDialect dialect, MethodHandle standardStrings) {
    this.dialect = dialect;
    this.standardStrings = standardStrings;
  }

  /** The dialect of {@code connection}, on {@code database}. Never throws. */
  public static ConnectionDialect of(Connection connection, Database database) {
    SqlDialect dialect = SqlDialect.of(database.systemName());
    if (dialect != SqlDialect.POSTGRESQL) {
      return new ConnectionDialect(dialect, null);
    }
    return new ConnectionDialect(dialect, standardStringsReader(connection));
  }

  /** The dialect now: for PostgreSQL, as the session's {@code standard_conforming_strings} is. */
  public SqlDialect now() {
    if (dialect != SqlDialect.POSTGRESQL) {
      return dialect;
    }
    if (standardStrings == null) {
      return SqlDialect.POSTGRESQL_UNKNOWN_STRINGS;
    }
    try {
      return (boolean) standardStrings.invokeExact()
          ? SqlDialect.POSTGRESQL
          : SqlDialect.POSTGRESQL_ESCAPED_STRINGS;
    } catch (Throwable t) {
      Faults.report("standard_conforming_strings", t);
      return SqlDialect.POSTGRESQL_UNKNOWN_STRINGS;
    }
  }

  private static MethodHandle standardStringsReader(Connection connection) {
    try {
      Class<?> pg = pgConnectionClass(connection);
      if (pg == null || !connection.isWrapperFor(pg)) {
        return null;
      }
      Object vendor = connection.unwrap(pg);
      return MethodHandles.publicLookup()
          .findVirtual(pg, "getStandardConformingStrings", MethodType.methodType(boolean.class))
          .bindTo(vendor)
          .asType(MethodType.methodType(boolean.class));
    } catch (Throwable t) { // not the PostgreSQL JDBC driver, or a closed connection
      return null;
    }
  }

  private static Class<?> pgConnectionClass(Connection connection) {
    ClassLoader[] loaders = {
      connection.getClass().getClassLoader(),
      Thread.currentThread().getContextClassLoader(),
      ConnectionDialect.class.getClassLoader()
    };
    for (ClassLoader loader : loaders) {
      try {
        return Class.forName(PG_CONNECTION, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next loader
      }
    }
    return null;
  }
}
