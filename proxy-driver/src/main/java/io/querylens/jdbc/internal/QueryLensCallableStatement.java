package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import io.querylens.core.intercept.ParameterHash;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Wraps a {@link CallableStatement}; all timing is inherited. Only the setters by parameter name,
 * whose values are hashed, are here; the getters and {@code registerOutParameter} delegate through
 * the generated {@link DelegatingCallableStatement}. Internal: public only for the agent.
 */
public class QueryLensCallableStatement extends DelegatingCallableStatement {

  QueryLensCallableStatement(
      CallableStatement delegate, QueryLensConnection connection, QueryShape shape) {
    super(delegate, connection, shape);
  }

  private void bound(String parameterName, long valueHash) {
    bound(parameterName == null ? 0 : parameterName.hashCode(), valueHash);
  }

  @Override
  public void setURL(String parameterName, URL x) throws SQLException {
    delegate.setURL(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNull(String parameterName, int sqlType) throws SQLException {
    delegate.setNull(parameterName, sqlType);
    bound(parameterName, ParameterHash.NULL);
  }

  @Override
  public void setBoolean(String parameterName, boolean x) throws SQLException {
    delegate.setBoolean(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setByte(String parameterName, byte x) throws SQLException {
    delegate.setByte(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setShort(String parameterName, short x) throws SQLException {
    delegate.setShort(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setInt(String parameterName, int x) throws SQLException {
    delegate.setInt(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setLong(String parameterName, long x) throws SQLException {
    delegate.setLong(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setFloat(String parameterName, float x) throws SQLException {
    delegate.setFloat(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setDouble(String parameterName, double x) throws SQLException {
    delegate.setDouble(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
    delegate.setBigDecimal(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setString(String parameterName, String x) throws SQLException {
    delegate.setString(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBytes(String parameterName, byte[] x) throws SQLException {
    delegate.setBytes(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setDate(String parameterName, Date x) throws SQLException {
    delegate.setDate(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setTime(String parameterName, Time x) throws SQLException {
    delegate.setTime(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
    delegate.setTimestamp(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setAsciiStream(String parameterName, InputStream x, int length) throws SQLException {
    delegate.setAsciiStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBinaryStream(String parameterName, InputStream x, int length) throws SQLException {
    delegate.setBinaryStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    delegate.setObject(parameterName, x, targetSqlType, scaleOrLength);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setObject(String parameterName, Object x, int targetSqlType) throws SQLException {
    delegate.setObject(parameterName, x, targetSqlType);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setObject(String parameterName, Object x) throws SQLException {
    delegate.setObject(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setCharacterStream(String parameterName, Reader x, int length) throws SQLException {
    delegate.setCharacterStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
    delegate.setDate(parameterName, x, cal);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
    delegate.setTime(parameterName, x, cal);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
    delegate.setTimestamp(parameterName, x, cal);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNull(String parameterName, int sqlType, String typeName) throws SQLException {
    delegate.setNull(parameterName, sqlType, typeName);
    bound(parameterName, ParameterHash.NULL);
  }

  @Override
  public void setRowId(String parameterName, RowId x) throws SQLException {
    delegate.setRowId(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNString(String parameterName, String x) throws SQLException {
    delegate.setNString(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader x, long length) throws SQLException {
    delegate.setNCharacterStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNClob(String parameterName, NClob x) throws SQLException {
    delegate.setNClob(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setClob(String parameterName, Reader x, long length) throws SQLException {
    delegate.setClob(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBlob(String parameterName, InputStream x, long length) throws SQLException {
    delegate.setBlob(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNClob(String parameterName, Reader x, long length) throws SQLException {
    delegate.setNClob(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setSQLXML(String parameterName, SQLXML x) throws SQLException {
    delegate.setSQLXML(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBlob(String parameterName, Blob x) throws SQLException {
    delegate.setBlob(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setClob(String parameterName, Clob x) throws SQLException {
    delegate.setClob(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
    delegate.setAsciiStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBinaryStream(String parameterName, InputStream x, long length)
      throws SQLException {
    delegate.setBinaryStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setCharacterStream(String parameterName, Reader x, long length) throws SQLException {
    delegate.setCharacterStream(parameterName, x, length);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
    delegate.setAsciiStream(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
    delegate.setBinaryStream(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setCharacterStream(String parameterName, Reader x) throws SQLException {
    delegate.setCharacterStream(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNCharacterStream(String parameterName, Reader x) throws SQLException {
    delegate.setNCharacterStream(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setClob(String parameterName, Reader x) throws SQLException {
    delegate.setClob(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setBlob(String parameterName, InputStream x) throws SQLException {
    delegate.setBlob(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setNClob(String parameterName, Reader x) throws SQLException {
    delegate.setNClob(parameterName, x);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    delegate.setObject(parameterName, x, targetSqlType, scaleOrLength);
    bound(parameterName, ParameterHash.of(x));
  }

  @Override
  public void setObject(String parameterName, Object x, SQLType targetSqlType) throws SQLException {
    delegate.setObject(parameterName, x, targetSqlType);
    bound(parameterName, ParameterHash.of(x));
  }
}
