package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import io.querylens.core.intercept.ParameterHash;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Wraps a {@link PreparedStatement}; its shape is computed once, at prepare time. The execute
 * variants, and the setters, whose values are hashed for the N+1 and duplicate findings, are here;
 * the rest delegates through the generated {@link DelegatingPreparedStatement}. Internal: public
 * only for the agent.
 *
 * @param <S> the wrapped statement type
 */
@SuppressWarnings("deprecation") // setUnicodeStream is bound like every setter
public class QueryLensPreparedStatement<S extends PreparedStatement>
    extends DelegatingPreparedStatement<S> {
  final QueryShape shape;

  /** Hash of the values bound since the last execution, and whether any were. */
  private long boundHash;

  private boolean rebound;

  /** The hash the last execution ran with; kept for re-executions that bind nothing new. */
  private long lastHash;

  QueryLensPreparedStatement(S delegate, QueryLensConnection connection, QueryShape shape) {
    super(delegate, connection);
    this.shape = shape;
  }

  /** A value was bound at {@code index}; values not re-bound keep their earlier contribution. */
  final void bound(int index, long valueHash) {
    boundHash += ParameterHash.bind(index, valueHash);
    rebound = true;
  }

  @Override
  long parameterHash(String sql) {
    if (rebound) {
      lastHash = boundHash;
      boundHash = 0;
      rebound = false;
    }
    return lastHash;
  }

  @Override
  public void clearParameters() throws SQLException {
    delegate.clearParameters();
    boundHash = 0;
    rebound = false;
    lastHash = 0;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return query(shape, null, (s, q, a) -> s.executeQuery());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) count(shape, null, null, (s, q, a) -> s.executeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return count(shape, null, null, (s, q, a) -> s.executeLargeUpdate());
  }

  @Override
  public boolean execute() throws SQLException {
    return execute(shape, null, null, (s, q, a) -> s.execute());
  }

  @Override
  public void addBatch() throws SQLException {
    delegate.addBatch();
    batchSize++;
  }

  @Override
  QueryShape batchShape() {
    return shape;
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    delegate.setNull(parameterIndex, sqlType);
    bound(parameterIndex, ParameterHash.NULL);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    delegate.setBoolean(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    delegate.setByte(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    delegate.setShort(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    delegate.setInt(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    delegate.setLong(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    delegate.setFloat(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    delegate.setDouble(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    delegate.setBigDecimal(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    delegate.setString(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    delegate.setBytes(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    delegate.setDate(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    delegate.setTime(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    delegate.setTimestamp(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    delegate.setAsciiStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    delegate.setUnicodeStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    delegate.setBinaryStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    delegate.setObject(parameterIndex, x, targetSqlType);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    delegate.setObject(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, int length) throws SQLException {
    delegate.setCharacterStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    delegate.setRef(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    delegate.setBlob(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    delegate.setClob(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    delegate.setArray(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    delegate.setDate(parameterIndex, x, cal);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    delegate.setTime(parameterIndex, x, cal);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    delegate.setTimestamp(parameterIndex, x, cal);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    delegate.setNull(parameterIndex, sqlType, typeName);
    bound(parameterIndex, ParameterHash.NULL);
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    delegate.setURL(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    delegate.setRowId(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNString(int parameterIndex, String x) throws SQLException {
    delegate.setNString(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setNCharacterStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNClob(int parameterIndex, NClob x) throws SQLException {
    delegate.setNClob(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setClob(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
    delegate.setBlob(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setNClob(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
    delegate.setSQLXML(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    delegate.setAsciiStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    delegate.setBinaryStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
    delegate.setCharacterStream(parameterIndex, x, length);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    delegate.setAsciiStream(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    delegate.setBinaryStream(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
    delegate.setCharacterStream(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
    delegate.setNCharacterStream(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setClob(int parameterIndex, Reader x) throws SQLException {
    delegate.setClob(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x) throws SQLException {
    delegate.setBlob(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setNClob(int parameterIndex, Reader x) throws SQLException {
    delegate.setNClob(parameterIndex, x);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    bound(parameterIndex, ParameterHash.of(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    delegate.setObject(parameterIndex, x, targetSqlType);
    bound(parameterIndex, ParameterHash.of(x));
  }
}
