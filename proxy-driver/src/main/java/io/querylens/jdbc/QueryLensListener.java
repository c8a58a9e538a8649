package io.querylens.jdbc;

import io.querylens.core.Database;
import io.querylens.core.QueryShape;
import io.querylens.core.intercept.Faults;
import io.querylens.core.intercept.ParameterHash;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.ConnectionDialect;
import io.querylens.jdbc.internal.Databases;
import io.querylens.jdbc.internal.UpdateCounts;
import io.querylens.jdbc.internal.serverstats.ServerStatsReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * Feeds QueryLens from an application's existing datasource-proxy chain: {@code
 * ProxyDataSourceBuilder.create(ds).listener(new QueryLensListener()).build()}.
 *
 * <p>datasource-proxy reports a call when execute returns, so this path records execute time, rows
 * affected by updates and batches, batch sizes, errors and a hash of the bound parameters (for
 * findings), but neither fetch nor process time nor rows read by queries (a cursor is read after
 * the listener has been called), no connection acquire or hold time, and no transaction boundaries
 * (units of work come from scopes, sources and idle gaps). Use the {@code jdbc:querylens:} driver
 * or {@code QueryLens.wrap} for those. Do not combine it with them on the same DataSource: each
 * execution would be recorded twice.
 */
public final class QueryLensListener implements QueryExecutionListener {
  private static final String START = "querylens.start";

  private final Recording recording;

  /**
   * The connection last seen and its database: looked up again only when the connection changes.
   */
  private static final ConnectionDatabase UNKNOWN_CONNECTION =
      new ConnectionDatabase(null, Database.UNKNOWN, ConnectionDialect.of(null, Database.UNKNOWN));

  private volatile ConnectionDatabase last = UNKNOWN_CONNECTION;

  private record ConnectionDatabase(
      Connection connection, Database database, ConnectionDialect dialect) {}

  /** A listener recording into the JVM-wide recording that {@code QueryLens} reports on. */
  public QueryLensListener() {
    this(Recording.global());
  }

  QueryLensListener(Recording recording) {
    this.recording = recording;
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    try {
      execInfo.addCustomValue(START, System.nanoTime());
    } catch (Throwable t) {
      Faults.report("datasource-proxy listener", t);
    }
  }

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    try {
      long end = System.nanoTime();
      Long start = execInfo.getCustomValue(START, Long.class);
      if (start == null || queryInfoList.isEmpty()) {
        return;
      }
      QueryInfo query = queryInfoList.get(0);
      ConnectionDatabase on = connectionOf(execInfo.getStatement());
      Database database = on.database();
      QueryShape shape = recording.shapeOf(on.dialect().now(), query.getQuery());
      int batchSize = execInfo.isBatch() ? execInfo.getBatchSize() : 0;
      long parameters = batchSize > 0 ? 0 : parameterHash(query);
      if (execInfo.isSuccess()) {
        recording.record(
            database,
            shape,
            start,
            end - start,
            rows(execInfo.getResult()),
            batchSize,
            parameters,
            0);
      } else {
        recording.recordFailure(
            database, shape, start, end - start, batchSize, execInfo.getThrowable(), parameters, 0);
      }
    } catch (Throwable t) {
      Faults.report("datasource-proxy listener", t);
    }
  }

  /** The statement's connection with its database and dialect, read once per connection. */
  private ConnectionDatabase connectionOf(Statement statement) throws SQLException {
    Connection connection = statement == null ? null : statement.getConnection();
    ConnectionDatabase l = last;
    if (connection == null || l.connection == connection) {
      return connection == null ? UNKNOWN_CONNECTION : l;
    }
    Database database = Databases.of(connection);
    ServerStatsReader.seenConnection(recording, connection, database);
    l = new ConnectionDatabase(connection, database, ConnectionDialect.of(connection, database));
    last = l;
    return l;
  }

  /** The bound values' hash, or for a plain statement the SQL text's. */
  private static long parameterHash(QueryInfo query) {
    List<List<ParameterSetOperation>> sets = query.getParametersList();
    if (sets.isEmpty()) {
      return ParameterHash.ofSql(query.getQuery());
    }
    long hash = 0;
    for (ParameterSetOperation operation : sets.get(0)) {
      Object[] args = operation.getArgs();
      if (args != null && args.length >= 2) {
        int index =
            args[0] instanceof Integer ? (Integer) args[0] : String.valueOf(args[0]).hashCode();
        hash += ParameterHash.bind(index, ParameterHash.of(args[1]));
      }
    }
    return hash;
  }

  /** Rows affected, from an update count or batch counts; -1 when the result is a cursor. */
  private static long rows(Object result) {
    return result instanceof Number ? ((Number) result).longValue() : UpdateCounts.rows(result);
  }
}
