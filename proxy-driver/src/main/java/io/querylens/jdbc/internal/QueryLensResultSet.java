package io.querylens.jdbc.internal;

import io.querylens.core.QueryShape;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * Wraps a {@link ResultSet} and, for the cursor of an execution, splits the time it is open into
 * {@code fetch} (inside {@link #next()}) and {@code process} (the application between calls).
 *
 * <p>Two clock reads around every {@code next()} would cost about as much as the row itself on an
 * in-memory database, so a young cursor is sampled: the {@value #FIRST_SAMPLE}nd call and every
 * {@value #SAMPLE_EVERY}th call after it are timed, and the fetch time of the others is estimated
 * from those samples. (The first call is not timed: drivers return the first rows with execute, and
 * a one-row lookup then pays no clock read for its cursor but the one at its end.) Once a timed
 * call sees the cursor open for longer than {@value #PRECISE_AFTER_NANOS} ns, the point from which
 * the split matters to a person, every later call is timed. Either way the cursor's end is read
 * exactly, so {@code fetch + process} is the time the cursor was open. Internal: public only for
 * the agent.
 */
@SuppressWarnings("deprecation") // getBigDecimal(int, int) and getUnicodeStream must still delegate
public final class QueryLensResultSet implements ResultSet {
  static final int SAMPLE_EVERY = 16;
  static final int FIRST_SAMPLE = 2;
  static final long PRECISE_AFTER_NANOS = 50_000;

  final ResultSet delegate;

  /** The statement that handed this cursor out, or null for a metadata cursor. */
  private final QueryLensStatement<?> statement;

  private final QueryLensConnection connection;

  /** The wrapper of another statement the driver names as this cursor's, made on first ask. */
  private QueryLensStatement<?> adopted;

  /** The execution this cursor belongs to, or null once it has ended (or never had one). */
  private QueryShape shape;

  private final long start;
  private final long openedAt;

  /** next() calls while the execution was open. */
  private int calls;

  /** The call from which every call is timed, or 0 while the cursor is sampled. */
  private int preciseFrom;

  private long sampledNanos;
  private long preciseNanos;

  /** A cursor that is not an execution's (generated keys, later result sets): pure delegation. */
  QueryLensResultSet(ResultSet delegate, QueryLensStatement<?> statement) {
    this(delegate, statement, statement.connection);
  }

  /** A cursor of {@code connection}'s metadata: pure delegation. */
  QueryLensResultSet(ResultSet delegate, QueryLensConnection connection) {
    this(delegate, null, connection);
  }

  private QueryLensResultSet(
      ResultSet delegate, QueryLensStatement<?> statement, QueryLensConnection connection) {
    this.delegate = delegate;
    this.statement = statement;
    this.connection = connection;
    this.start = 0;
    this.openedAt = 0;
  }

  /** The cursor of an execution that began at {@code start} and returned at {@code openedAt}. */
  QueryLensResultSet(
      ResultSet delegate,
      QueryLensStatement<?> statement,
      QueryShape shape,
      long start,
      long openedAt) {
    this.delegate = delegate;
    this.statement = statement;
    this.connection = statement.connection;
    this.shape = shape;
    this.start = start;
    this.openedAt = openedAt;
  }

  @Override
  public boolean next() throws SQLException {
    if (shape == null) {
      return delegate.next();
    }
    int call = ++calls;
    if (preciseFrom != 0 || call % SAMPLE_EVERY == FIRST_SAMPLE) {
      return timedNext(call);
    }
    boolean hasRow = delegate.next();
    if (!hasRow) {
      end(System.nanoTime(), call - 1);
    }
    return hasRow;
  }

  private boolean timedNext(int call) throws SQLException {
    long before = System.nanoTime();
    boolean hasRow = delegate.next();
    long after = System.nanoTime();
    if (preciseFrom != 0) {
      preciseNanos += after - before;
    } else {
      sampledNanos += after - before;
      if (after - openedAt > PRECISE_AFTER_NANOS) {
        preciseFrom = call + 1;
      }
    }
    if (!hasRow) {
      end(after, call - 1);
    }
    return hasRow;
  }

  /**
   * Ends this cursor's execution at {@code now}, before the application read all its rows, and
   * records it; later calls only delegate.
   */
  void end(long now) {
    end(now, calls);
  }

  private void end(long now, long rows) {
    QueryShape ended = shape;
    if (ended == null) {
      return;
    }
    shape = null;
    long open = Math.max(0, now - openedAt);
    int sampledPhase = preciseFrom == 0 ? calls : preciseFrom - 1;
    // calls FIRST_SAMPLE, FIRST_SAMPLE + SAMPLE_EVERY, ... up to sampledPhase were timed
    int sampledCalls = (sampledPhase + SAMPLE_EVERY - FIRST_SAMPLE) / SAMPLE_EVERY;
    long estimated =
        sampledCalls == 0 ? 0 : sampledNanos * (sampledPhase - sampledCalls) / sampledCalls;
    long fetch = Math.min(open, sampledNanos + estimated + preciseNanos);
    statement.cursorEnded(this, ended, start, openedAt - start, fetch, open - fetch, rows);
  }

  /** The shape of this cursor's execution while it is open, else null. */
  QueryShape shape() {
    return shape;
  }

  @Override
  public void close() throws SQLException {
    if (shape != null) {
      end(System.nanoTime());
    }
    delegate.close();
  }

  /**
   * The wrapper of the statement the driver names (it may throw, or say null): the statement that
   * handed this cursor out when the driver names its delegate, else the driver's own statement
   * adopted by the connection.
   */
  @Override
  public Statement getStatement() throws SQLException {
    Statement owner = delegate.getStatement();
    if (owner == null) {
      return null;
    }
    QueryLensStatement<?> wrapper = statement;
    if (wrapper == null || wrapper.delegate != owner) {
      wrapper = adopted;
      if (wrapper == null || wrapper.delegate != owner) {
        wrapper = adopted = connection.adopt(owner);
      }
    }
    return wrapper;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Unwrapping.unwrap(this, QueryLensResultSet.class, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Unwrapping.isWrapperFor(this, QueryLensResultSet.class, delegate, iface);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return delegate.wasNull();
  }

  @Override
  public String getString(int arg0) throws SQLException {
    return delegate.getString(arg0);
  }

  @Override
  public boolean getBoolean(int arg0) throws SQLException {
    return delegate.getBoolean(arg0);
  }

  @Override
  public byte getByte(int arg0) throws SQLException {
    return delegate.getByte(arg0);
  }

  @Override
  public short getShort(int arg0) throws SQLException {
    return delegate.getShort(arg0);
  }

  @Override
  public int getInt(int arg0) throws SQLException {
    return delegate.getInt(arg0);
  }

  @Override
  public long getLong(int arg0) throws SQLException {
    return delegate.getLong(arg0);
  }

  @Override
  public float getFloat(int arg0) throws SQLException {
    return delegate.getFloat(arg0);
  }

  @Override
  public double getDouble(int arg0) throws SQLException {
    return delegate.getDouble(arg0);
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int arg0, int arg1) throws SQLException {
    return delegate.getBigDecimal(arg0, arg1);
  }

  @Override
  public byte[] getBytes(int arg0) throws SQLException {
    return delegate.getBytes(arg0);
  }

  @Override
  public Date getDate(int arg0) throws SQLException {
    return delegate.getDate(arg0);
  }

  @Override
  public Time getTime(int arg0) throws SQLException {
    return delegate.getTime(arg0);
  }

  @Override
  public Timestamp getTimestamp(int arg0) throws SQLException {
    return delegate.getTimestamp(arg0);
  }

  @Override
  public InputStream getAsciiStream(int arg0) throws SQLException {
    return delegate.getAsciiStream(arg0);
  }

  @Override
  public InputStream getUnicodeStream(int arg0) throws SQLException {
    return delegate.getUnicodeStream(arg0);
  }

  @Override
  public InputStream getBinaryStream(int arg0) throws SQLException {
    return delegate.getBinaryStream(arg0);
  }

  @Override
  public String getString(String arg0) throws SQLException {
    return delegate.getString(arg0);
  }

  @Override
  public boolean getBoolean(String arg0) throws SQLException {
    return delegate.getBoolean(arg0);
  }

  @Override
  public byte getByte(String arg0) throws SQLException {
    return delegate.getByte(arg0);
  }

  @Override
  public short getShort(String arg0) throws SQLException {
    return delegate.getShort(arg0);
  }

  @Override
  public int getInt(String arg0) throws SQLException {
    return delegate.getInt(arg0);
  }

  @Override
  public long getLong(String arg0) throws SQLException {
    return delegate.getLong(arg0);
  }

  @Override
  public float getFloat(String arg0) throws SQLException {
    return delegate.getFloat(arg0);
  }

  @Override
  public double getDouble(String arg0) throws SQLException {
    return delegate.getDouble(arg0);
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String arg0, int arg1) throws SQLException {
    return delegate.getBigDecimal(arg0, arg1);
  }

  @Override
  public byte[] getBytes(String arg0) throws SQLException {
    return delegate.getBytes(arg0);
  }

  @Override
  public Date getDate(String arg0) throws SQLException {
    return delegate.getDate(arg0);
  }

  @Override
  public Time getTime(String arg0) throws SQLException {
    return delegate.getTime(arg0);
  }

  @Override
  public Timestamp getTimestamp(String arg0) throws SQLException {
    return delegate.getTimestamp(arg0);
  }

  @Override
  public InputStream getAsciiStream(String arg0) throws SQLException {
    return delegate.getAsciiStream(arg0);
  }

  @Override
  public InputStream getUnicodeStream(String arg0) throws SQLException {
    return delegate.getUnicodeStream(arg0);
  }

  @Override
  public InputStream getBinaryStream(String arg0) throws SQLException {
    return delegate.getBinaryStream(arg0);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return delegate.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    delegate.clearWarnings();
  }

  @Override
  public String getCursorName() throws SQLException {
    return delegate.getCursorName();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return delegate.getMetaData();
  }

  @Override
  public Object getObject(int arg0) throws SQLException {
    return delegate.getObject(arg0);
  }

  @Override
  public Object getObject(String arg0) throws SQLException {
    return delegate.getObject(arg0);
  }

  @Override
  public int findColumn(String arg0) throws SQLException {
    return delegate.findColumn(arg0);
  }

  @Override
  public Reader getCharacterStream(int arg0) throws SQLException {
    return delegate.getCharacterStream(arg0);
  }

  @Override
  public Reader getCharacterStream(String arg0) throws SQLException {
    return delegate.getCharacterStream(arg0);
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int arg0) throws SQLException {
    return delegate.getBigDecimal(arg0);
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String arg0) throws SQLException {
    return delegate.getBigDecimal(arg0);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return delegate.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return delegate.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    return delegate.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    return delegate.isLast();
  }

  @Override
  public void beforeFirst() throws SQLException {
    delegate.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    delegate.afterLast();
  }

  @Override
  public boolean first() throws SQLException {
    return delegate.first();
  }

  @Override
  public boolean last() throws SQLException {
    return delegate.last();
  }

  @Override
  public int getRow() throws SQLException {
    return delegate.getRow();
  }

  @Override
  public boolean absolute(int arg0) throws SQLException {
    return delegate.absolute(arg0);
  }

  @Override
  public boolean relative(int arg0) throws SQLException {
    return delegate.relative(arg0);
  }

  @Override
  public boolean previous() throws SQLException {
    return delegate.previous();
  }

  @Override
  public void setFetchDirection(int arg0) throws SQLException {
    delegate.setFetchDirection(arg0);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    return delegate.getFetchDirection();
  }

  @Override
  public void setFetchSize(int arg0) throws SQLException {
    delegate.setFetchSize(arg0);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return delegate.getFetchSize();
  }

  @Override
  public int getType() throws SQLException {
    return delegate.getType();
  }

  @Override
  public int getConcurrency() throws SQLException {
    return delegate.getConcurrency();
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return delegate.rowUpdated();
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return delegate.rowInserted();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return delegate.rowDeleted();
  }

  @Override
  public void updateNull(int arg0) throws SQLException {
    delegate.updateNull(arg0);
  }

  @Override
  public void updateBoolean(int arg0, boolean arg1) throws SQLException {
    delegate.updateBoolean(arg0, arg1);
  }

  @Override
  public void updateByte(int arg0, byte arg1) throws SQLException {
    delegate.updateByte(arg0, arg1);
  }

  @Override
  public void updateShort(int arg0, short arg1) throws SQLException {
    delegate.updateShort(arg0, arg1);
  }

  @Override
  public void updateInt(int arg0, int arg1) throws SQLException {
    delegate.updateInt(arg0, arg1);
  }

  @Override
  public void updateLong(int arg0, long arg1) throws SQLException {
    delegate.updateLong(arg0, arg1);
  }

  @Override
  public void updateFloat(int arg0, float arg1) throws SQLException {
    delegate.updateFloat(arg0, arg1);
  }

  @Override
  public void updateDouble(int arg0, double arg1) throws SQLException {
    delegate.updateDouble(arg0, arg1);
  }

  @Override
  public void updateBigDecimal(int arg0, java.math.BigDecimal arg1) throws SQLException {
    delegate.updateBigDecimal(arg0, arg1);
  }

  @Override
  public void updateString(int arg0, String arg1) throws SQLException {
    delegate.updateString(arg0, arg1);
  }

  @Override
  public void updateBytes(int arg0, byte[] arg1) throws SQLException {
    delegate.updateBytes(arg0, arg1);
  }

  @Override
  public void updateDate(int arg0, Date arg1) throws SQLException {
    delegate.updateDate(arg0, arg1);
  }

  @Override
  public void updateTime(int arg0, Time arg1) throws SQLException {
    delegate.updateTime(arg0, arg1);
  }

  @Override
  public void updateTimestamp(int arg0, Timestamp arg1) throws SQLException {
    delegate.updateTimestamp(arg0, arg1);
  }

  @Override
  public void updateAsciiStream(int arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.updateAsciiStream(arg0, arg1, arg2);
  }

  @Override
  public void updateBinaryStream(int arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.updateBinaryStream(arg0, arg1, arg2);
  }

  @Override
  public void updateCharacterStream(int arg0, Reader arg1, int arg2) throws SQLException {
    delegate.updateCharacterStream(arg0, arg1, arg2);
  }

  @Override
  public void updateObject(int arg0, Object arg1, int arg2) throws SQLException {
    delegate.updateObject(arg0, arg1, arg2);
  }

  @Override
  public void updateObject(int arg0, Object arg1) throws SQLException {
    delegate.updateObject(arg0, arg1);
  }

  @Override
  public void updateNull(String arg0) throws SQLException {
    delegate.updateNull(arg0);
  }

  @Override
  public void updateBoolean(String arg0, boolean arg1) throws SQLException {
    delegate.updateBoolean(arg0, arg1);
  }

  @Override
  public void updateByte(String arg0, byte arg1) throws SQLException {
    delegate.updateByte(arg0, arg1);
  }

  @Override
  public void updateShort(String arg0, short arg1) throws SQLException {
    delegate.updateShort(arg0, arg1);
  }

  @Override
  public void updateInt(String arg0, int arg1) throws SQLException {
    delegate.updateInt(arg0, arg1);
  }

  @Override
  public void updateLong(String arg0, long arg1) throws SQLException {
    delegate.updateLong(arg0, arg1);
  }

  @Override
  public void updateFloat(String arg0, float arg1) throws SQLException {
    delegate.updateFloat(arg0, arg1);
  }

  @Override
  public void updateDouble(String arg0, double arg1) throws SQLException {
    delegate.updateDouble(arg0, arg1);
  }

  @Override
  public void updateBigDecimal(String arg0, java.math.BigDecimal arg1) throws SQLException {
    delegate.updateBigDecimal(arg0, arg1);
  }

  @Override
  public void updateString(String arg0, String arg1) throws SQLException {
    delegate.updateString(arg0, arg1);
  }

  @Override
  public void updateBytes(String arg0, byte[] arg1) throws SQLException {
    delegate.updateBytes(arg0, arg1);
  }

  @Override
  public void updateDate(String arg0, Date arg1) throws SQLException {
    delegate.updateDate(arg0, arg1);
  }

  @Override
  public void updateTime(String arg0, Time arg1) throws SQLException {
    delegate.updateTime(arg0, arg1);
  }

  @Override
  public void updateTimestamp(String arg0, Timestamp arg1) throws SQLException {
    delegate.updateTimestamp(arg0, arg1);
  }

  @Override
  public void updateAsciiStream(String arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.updateAsciiStream(arg0, arg1, arg2);
  }

  @Override
  public void updateBinaryStream(String arg0, InputStream arg1, int arg2) throws SQLException {
    delegate.updateBinaryStream(arg0, arg1, arg2);
  }

  @Override
  public void updateCharacterStream(String arg0, Reader arg1, int arg2) throws SQLException {
    delegate.updateCharacterStream(arg0, arg1, arg2);
  }

  @Override
  public void updateObject(String arg0, Object arg1, int arg2) throws SQLException {
    delegate.updateObject(arg0, arg1, arg2);
  }

  @Override
  public void updateObject(String arg0, Object arg1) throws SQLException {
    delegate.updateObject(arg0, arg1);
  }

  @Override
  public void insertRow() throws SQLException {
    delegate.insertRow();
  }

  @Override
  public void updateRow() throws SQLException {
    delegate.updateRow();
  }

  @Override
  public void deleteRow() throws SQLException {
    delegate.deleteRow();
  }

  @Override
  public void refreshRow() throws SQLException {
    delegate.refreshRow();
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    delegate.cancelRowUpdates();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    delegate.moveToInsertRow();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    delegate.moveToCurrentRow();
  }

  @Override
  public Object getObject(int arg0, Map<String, Class<?>> arg1) throws SQLException {
    return delegate.getObject(arg0, arg1);
  }

  @Override
  public Ref getRef(int arg0) throws SQLException {
    return delegate.getRef(arg0);
  }

  @Override
  public Blob getBlob(int arg0) throws SQLException {
    return delegate.getBlob(arg0);
  }

  @Override
  public Clob getClob(int arg0) throws SQLException {
    return delegate.getClob(arg0);
  }

  @Override
  public Array getArray(int arg0) throws SQLException {
    return delegate.getArray(arg0);
  }

  @Override
  public Object getObject(String arg0, Map<String, Class<?>> arg1) throws SQLException {
    return delegate.getObject(arg0, arg1);
  }

  @Override
  public Ref getRef(String arg0) throws SQLException {
    return delegate.getRef(arg0);
  }

  @Override
  public Blob getBlob(String arg0) throws SQLException {
    return delegate.getBlob(arg0);
  }

  @Override
  public Clob getClob(String arg0) throws SQLException {
    return delegate.getClob(arg0);
  }

  @Override
  public Array getArray(String arg0) throws SQLException {
    return delegate.getArray(arg0);
  }

  @Override
  public Date getDate(int arg0, Calendar arg1) throws SQLException {
    return delegate.getDate(arg0, arg1);
  }

  @Override
  public Date getDate(String arg0, Calendar arg1) throws SQLException {
    return delegate.getDate(arg0, arg1);
  }

  @Override
  public Time getTime(int arg0, Calendar arg1) throws SQLException {
    return delegate.getTime(arg0, arg1);
  }

  @Override
  public Time getTime(String arg0, Calendar arg1) throws SQLException {
    return delegate.getTime(arg0, arg1);
  }

  @Override
  public Timestamp getTimestamp(int arg0, Calendar arg1) throws SQLException {
    return delegate.getTimestamp(arg0, arg1);
  }

  @Override
  public Timestamp getTimestamp(String arg0, Calendar arg1) throws SQLException {
    return delegate.getTimestamp(arg0, arg1);
  }

  @Override
  public java.net.URL getURL(int arg0) throws SQLException {
    return delegate.getURL(arg0);
  }

  @Override
  public java.net.URL getURL(String arg0) throws SQLException {
    return delegate.getURL(arg0);
  }

  @Override
  public void updateRef(int arg0, Ref arg1) throws SQLException {
    delegate.updateRef(arg0, arg1);
  }

  @Override
  public void updateRef(String arg0, Ref arg1) throws SQLException {
    delegate.updateRef(arg0, arg1);
  }

  @Override
  public void updateBlob(int arg0, Blob arg1) throws SQLException {
    delegate.updateBlob(arg0, arg1);
  }

  @Override
  public void updateBlob(String arg0, Blob arg1) throws SQLException {
    delegate.updateBlob(arg0, arg1);
  }

  @Override
  public void updateClob(int arg0, Clob arg1) throws SQLException {
    delegate.updateClob(arg0, arg1);
  }

  @Override
  public void updateClob(String arg0, Clob arg1) throws SQLException {
    delegate.updateClob(arg0, arg1);
  }

  @Override
  public void updateArray(int arg0, Array arg1) throws SQLException {
    delegate.updateArray(arg0, arg1);
  }

  @Override
  public void updateArray(String arg0, Array arg1) throws SQLException {
    delegate.updateArray(arg0, arg1);
  }

  @Override
  public RowId getRowId(int arg0) throws SQLException {
    return delegate.getRowId(arg0);
  }

  @Override
  public RowId getRowId(String arg0) throws SQLException {
    return delegate.getRowId(arg0);
  }

  @Override
  public void updateRowId(int arg0, RowId arg1) throws SQLException {
    delegate.updateRowId(arg0, arg1);
  }

  @Override
  public void updateRowId(String arg0, RowId arg1) throws SQLException {
    delegate.updateRowId(arg0, arg1);
  }

  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }

  @Override
  public boolean isClosed() throws SQLException {
    return delegate.isClosed();
  }

  @Override
  public void updateNString(int arg0, String arg1) throws SQLException {
    delegate.updateNString(arg0, arg1);
  }

  @Override
  public void updateNString(String arg0, String arg1) throws SQLException {
    delegate.updateNString(arg0, arg1);
  }

  @Override
  public void updateNClob(int arg0, NClob arg1) throws SQLException {
    delegate.updateNClob(arg0, arg1);
  }

  @Override
  public void updateNClob(String arg0, NClob arg1) throws SQLException {
    delegate.updateNClob(arg0, arg1);
  }

  @Override
  public NClob getNClob(int arg0) throws SQLException {
    return delegate.getNClob(arg0);
  }

  @Override
  public NClob getNClob(String arg0) throws SQLException {
    return delegate.getNClob(arg0);
  }

  @Override
  public SQLXML getSQLXML(int arg0) throws SQLException {
    return delegate.getSQLXML(arg0);
  }

  @Override
  public SQLXML getSQLXML(String arg0) throws SQLException {
    return delegate.getSQLXML(arg0);
  }

  @Override
  public void updateSQLXML(int arg0, SQLXML arg1) throws SQLException {
    delegate.updateSQLXML(arg0, arg1);
  }

  @Override
  public void updateSQLXML(String arg0, SQLXML arg1) throws SQLException {
    delegate.updateSQLXML(arg0, arg1);
  }

  @Override
  public String getNString(int arg0) throws SQLException {
    return delegate.getNString(arg0);
  }

  @Override
  public String getNString(String arg0) throws SQLException {
    return delegate.getNString(arg0);
  }

  @Override
  public Reader getNCharacterStream(int arg0) throws SQLException {
    return delegate.getNCharacterStream(arg0);
  }

  @Override
  public Reader getNCharacterStream(String arg0) throws SQLException {
    return delegate.getNCharacterStream(arg0);
  }

  @Override
  public void updateNCharacterStream(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateNCharacterStream(arg0, arg1, arg2);
  }

  @Override
  public void updateNCharacterStream(String arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateNCharacterStream(arg0, arg1, arg2);
  }

  @Override
  public void updateAsciiStream(int arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.updateAsciiStream(arg0, arg1, arg2);
  }

  @Override
  public void updateBinaryStream(int arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.updateBinaryStream(arg0, arg1, arg2);
  }

  @Override
  public void updateCharacterStream(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateCharacterStream(arg0, arg1, arg2);
  }

  @Override
  public void updateAsciiStream(String arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.updateAsciiStream(arg0, arg1, arg2);
  }

  @Override
  public void updateBinaryStream(String arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.updateBinaryStream(arg0, arg1, arg2);
  }

  @Override
  public void updateCharacterStream(String arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateCharacterStream(arg0, arg1, arg2);
  }

  @Override
  public void updateBlob(int arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.updateBlob(arg0, arg1, arg2);
  }

  @Override
  public void updateBlob(String arg0, InputStream arg1, long arg2) throws SQLException {
    delegate.updateBlob(arg0, arg1, arg2);
  }

  @Override
  public void updateClob(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateClob(arg0, arg1, arg2);
  }

  @Override
  public void updateClob(String arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateClob(arg0, arg1, arg2);
  }

  @Override
  public void updateNClob(int arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateNClob(arg0, arg1, arg2);
  }

  @Override
  public void updateNClob(String arg0, Reader arg1, long arg2) throws SQLException {
    delegate.updateNClob(arg0, arg1, arg2);
  }

  @Override
  public void updateNCharacterStream(int arg0, Reader arg1) throws SQLException {
    delegate.updateNCharacterStream(arg0, arg1);
  }

  @Override
  public void updateNCharacterStream(String arg0, Reader arg1) throws SQLException {
    delegate.updateNCharacterStream(arg0, arg1);
  }

  @Override
  public void updateAsciiStream(int arg0, InputStream arg1) throws SQLException {
    delegate.updateAsciiStream(arg0, arg1);
  }

  @Override
  public void updateBinaryStream(int arg0, InputStream arg1) throws SQLException {
    delegate.updateBinaryStream(arg0, arg1);
  }

  @Override
  public void updateCharacterStream(int arg0, Reader arg1) throws SQLException {
    delegate.updateCharacterStream(arg0, arg1);
  }

  @Override
  public void updateAsciiStream(String arg0, InputStream arg1) throws SQLException {
    delegate.updateAsciiStream(arg0, arg1);
  }

  @Override
  public void updateBinaryStream(String arg0, InputStream arg1) throws SQLException {
    delegate.updateBinaryStream(arg0, arg1);
  }

  @Override
  public void updateCharacterStream(String arg0, Reader arg1) throws SQLException {
    delegate.updateCharacterStream(arg0, arg1);
  }

  @Override
  public void updateBlob(int arg0, InputStream arg1) throws SQLException {
    delegate.updateBlob(arg0, arg1);
  }

  @Override
  public void updateBlob(String arg0, InputStream arg1) throws SQLException {
    delegate.updateBlob(arg0, arg1);
  }

  @Override
  public void updateClob(int arg0, Reader arg1) throws SQLException {
    delegate.updateClob(arg0, arg1);
  }

  @Override
  public void updateClob(String arg0, Reader arg1) throws SQLException {
    delegate.updateClob(arg0, arg1);
  }

  @Override
  public void updateNClob(int arg0, Reader arg1) throws SQLException {
    delegate.updateNClob(arg0, arg1);
  }

  @Override
  public void updateNClob(String arg0, Reader arg1) throws SQLException {
    delegate.updateNClob(arg0, arg1);
  }

  @Override
  public <T> T getObject(int arg0, Class<T> arg1) throws SQLException {
    return delegate.getObject(arg0, arg1);
  }

  @Override
  public <T> T getObject(String arg0, Class<T> arg1) throws SQLException {
    return delegate.getObject(arg0, arg1);
  }

  @Override
  public void updateObject(int arg0, Object arg1, SQLType arg2, int arg3) throws SQLException {
    delegate.updateObject(arg0, arg1, arg2, arg3);
  }

  @Override
  public void updateObject(String arg0, Object arg1, SQLType arg2, int arg3) throws SQLException {
    delegate.updateObject(arg0, arg1, arg2, arg3);
  }

  @Override
  public void updateObject(int arg0, Object arg1, SQLType arg2) throws SQLException {
    delegate.updateObject(arg0, arg1, arg2);
  }

  @Override
  public void updateObject(String arg0, Object arg1, SQLType arg2) throws SQLException {
    delegate.updateObject(arg0, arg1, arg2);
  }
}
