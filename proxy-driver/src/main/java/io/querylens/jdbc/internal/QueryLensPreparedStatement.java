package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import io.querylens.core.intercept.ParameterHash;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Wraps a {@link PreparedStatement}; its shape is computed once, at prepare time. Internal: public
 * only for the agent.
 *
 * @param <S> the wrapped statement type
 */
@SuppressWarnings("deprecation") // setUnicodeStream must still delegate
public class QueryLensPreparedStatement<S extends PreparedStatement> extends QueryLensStatement<S>
    implements PreparedStatement {
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
  public void setNull(int arg0, int arg1) throws SQLException {
    delegate.setNull(arg0, arg1);
    bound(arg0, ParameterHash.NULL);
  }

  @Override
  public void setBoolean(int arg0, boolean arg1) throws SQLException {
    delegate.setBoolean(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setByte(int arg0, byte arg1) throws SQLException {
    delegate.setByte(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setShort(int arg0, short arg1) throws SQLException {
    delegate.setShort(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setInt(int arg0, int arg1) throws SQLException {
    delegate.setInt(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setLong(int arg0, long arg1) throws SQLException {
    delegate.setLong(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setFloat(int arg0, float arg1) throws SQLException {
    delegate.setFloat(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setDouble(int arg0, double arg1) throws SQLException {
    delegate.setDouble(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
    delegate.setBigDecimal(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setString(int arg0, String arg1) throws SQLException {
    delegate.setString(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBytes(int arg0, byte[] arg1) throws SQLException {
    delegate.setBytes(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setDate(int arg0, Date arg1) throws SQLException {
    delegate.setDate(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setTime(int arg0, Time arg1) throws SQLException {
    delegate.setTime(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setTimestamp(int arg0, Timestamp arg1) throws SQLException {
    delegate.setTimestamp(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setAsciiStream(int arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.setAsciiStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setUnicodeStream(int arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.setUnicodeStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBinaryStream(int arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.setBinaryStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setObject(int arg0, Object arg1, int arg2) throws SQLException {
    delegate.setObject(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setObject(int arg0, Object arg1) throws SQLException {
    delegate.setObject(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setCharacterStream(int arg0, Reader arg1, int arg2) throws SQLException {
    delegate.setCharacterStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setRef(int arg0, Ref arg1) throws SQLException {
    delegate.setRef(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBlob(int arg0, Blob arg1) throws SQLException {
    delegate.setBlob(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setClob(int arg0, Clob arg1) throws SQLException {
    delegate.setClob(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setArray(int arg0, Array arg1) throws SQLException {
    delegate.setArray(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return delegate.getMetaData();
  }

  @Override
  public void setDate(int arg0, Date arg1, Calendar arg2) throws SQLException {
    delegate.setDate(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setTime(int arg0, Time arg1, Calendar arg2) throws SQLException {
    delegate.setTime(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setTimestamp(int arg0, Timestamp arg1, Calendar arg2) throws SQLException {
    delegate.setTimestamp(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNull(int arg0, int arg1, String arg2) throws SQLException {
    delegate.setNull(arg0, arg1, arg2);
    bound(arg0, ParameterHash.NULL);
  }

  @Override
  public void setURL(int arg0, java.net.URL arg1) throws SQLException {
    delegate.setURL(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return delegate.getParameterMetaData();
  }

  @Override
  public void setRowId(int arg0, RowId arg1) throws SQLException {
    delegate.setRowId(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNString(int arg0, String arg1) throws SQLException {
    delegate.setNString(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNCharacterStream(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.setNCharacterStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNClob(int arg0, NClob arg1) throws SQLException {
    delegate.setNClob(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setClob(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.setClob(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBlob(int arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.setBlob(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNClob(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.setNClob(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setSQLXML(int arg0, SQLXML arg1) throws SQLException {
    delegate.setSQLXML(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setObject(int arg0, Object arg1, int arg2, int arg3) throws SQLException {
    delegate.setObject(arg0, arg1, arg2, arg3);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setAsciiStream(int arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.setAsciiStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBinaryStream(int arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.setBinaryStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setCharacterStream(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.setCharacterStream(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setAsciiStream(int arg0, InputStream arg1) throws SQLException {
    delegate.setAsciiStream(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBinaryStream(int arg0, InputStream arg1) throws SQLException {
    delegate.setBinaryStream(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setCharacterStream(int arg0, Reader arg1) throws SQLException {
    delegate.setCharacterStream(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNCharacterStream(int arg0, Reader arg1) throws SQLException {
    delegate.setNCharacterStream(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setClob(int arg0, Reader arg1) throws SQLException {
    delegate.setClob(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setBlob(int arg0, InputStream arg1) throws SQLException {
    delegate.setBlob(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setNClob(int arg0, Reader arg1) throws SQLException {
    delegate.setNClob(arg0, arg1);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setObject(int arg0, Object arg1, SQLType arg2, int arg3) throws SQLException {
    delegate.setObject(arg0, arg1, arg2, arg3);
    bound(arg0, ParameterHash.of(arg1));
  }

  @Override
  public void setObject(int arg0, Object arg1, SQLType arg2) throws SQLException {
    delegate.setObject(arg0, arg1, arg2);
    bound(arg0, ParameterHash.of(arg1));
  }
}
