package io.querylens.testing;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.sql.Wrapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scenes of the differential transparency test: scripted sequences of JDBC calls that {@link
 * TransparencySuite} plays once on the raw driver and once through QueryLens, writing every outcome
 * to a {@link Transcript}. Together they touch every part of the API an application sees: the
 * connection, statements of each kind, result sets, metadata, generated keys, batches, warnings,
 * wrapper questions, null arguments and objects used after they were closed.
 *
 * <p>A scene may only depend on what the fixture made ({@link Fixture}), so that both runs start
 * from the same state; it uses lambdas, never method references, so that a step whose receiver is
 * null (an earlier step threw) is written as that step's failure instead of ending the scene.
 */
final class TransparencyScript {
  private TransparencyScript() {}

  /** One scene: a name for the test report and the calls it makes. */
  record Scene(String name, boolean usesRoutine, Body body) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The calls of a scene on {@code fixture}'s connection. */
  @FunctionalInterface
  interface Body {
    void play(Transcript t, Fixture fixture);
  }

  /**
   * What a scene runs against: the connection (named {@code conn} in the transcript); {@code table}
   * {@code (id int primary key, name varchar(40), amount int)} holding {@code (i, 'name-i', i *
   * 10)} for i = 1..3; {@code keyed}, empty, with a generated {@code bigint} key {@code id} and a
   * {@code name varchar(40)}; and, for scenes that use it, the routine of {@link
   * TestDatabase#incrementRoutine}.
   */
  record Fixture(
      Connection connection,
      TestDatabase database,
      String table,
      String keyed,
      TestDatabase.Routine routine) {

    /** This fixture on {@code other}. */
    Fixture on(Connection other) {
      return new Fixture(other, database, table, keyed, routine);
    }
  }

  static List<Scene> scenes() {
    return List.of(
        new Scene("connection", false, TransparencyScript::connection),
        new Scene("statement", false, TransparencyScript::statement),
        new Scene("prepared statement", false, TransparencyScript::prepared),
        new Scene("callable statement", true, TransparencyScript::callable),
        new Scene("result set", false, TransparencyScript::resultSet),
        new Scene("database metadata", false, TransparencyScript::metaData),
        new Scene("generated keys", false, TransparencyScript::generatedKeys),
        new Scene("batches", false, TransparencyScript::batches),
        new Scene("warnings", false, TransparencyScript::warnings),
        new Scene("wrapper and unwrap", false, TransparencyScript::wrappers),
        new Scene("null arguments", false, TransparencyScript::nullArguments),
        new Scene("closed objects", false, TransparencyScript::closedObjects));
  }

  private static void connection(Transcript t, Fixture f) {
    Connection c = f.connection();
    t.step("getAutoCommit()", () -> c.getAutoCommit());
    t.step("isReadOnly()", () -> c.isReadOnly());
    t.step("getCatalog()", () -> c.getCatalog());
    t.step("getSchema()", () -> c.getSchema());
    t.step("getTransactionIsolation()", () -> c.getTransactionIsolation());
    t.step("getHoldability()", () -> c.getHoldability());
    t.step("isValid(5)", () -> c.isValid(5));
    t.step("nativeSQL(escape)", () -> c.nativeSQL("select {fn abs(-1)}"));
    t.step("getTypeMap()", () -> c.getTypeMap());
    t.step("getNetworkTimeout()", () -> c.getNetworkTimeout());
    t.step("getClientInfo()", () -> c.getClientInfo());
    t.step("getWarnings()", () -> c.getWarnings());
    t.act("clearWarnings()", () -> c.clearWarnings());
    t.act("setReadOnly(true)", () -> c.setReadOnly(true));
    t.step("isReadOnly()", () -> c.isReadOnly());
    t.act("setReadOnly(false)", () -> c.setReadOnly(false));
    t.act("setAutoCommit(false)", () -> c.setAutoCommit(false));
    t.step("getAutoCommit()", () -> c.getAutoCommit());
    Statement s = t.step("createStatement()", () -> c.createStatement());
    t.step("insert", () -> s.executeUpdate(insert(f.table(), 7)));
    Savepoint savepoint = t.step("setSavepoint(name)", () -> c.setSavepoint("ql"));
    t.step("savepoint name", () -> savepoint.getSavepointName());
    t.step("insert after savepoint", () -> s.executeUpdate(insert(f.table(), 8)));
    t.act("rollback(savepoint)", () -> c.rollback(savepoint));
    t.act("releaseSavepoint(savepoint)", () -> c.releaseSavepoint(savepoint));
    t.act("commit()", () -> c.commit());
    t.step("insert, rolled back", () -> s.executeUpdate(insert(f.table(), 9)));
    t.act("rollback()", () -> c.rollback());
    t.act("setAutoCommit(true)", () -> c.setAutoCommit(true));
    t.step("ids", () -> rows(s.executeQuery("select id from " + f.table() + " order by id")));
    t.act("close statement", () -> s.close());
    t.step("createBlob()", () -> c.createBlob());
    t.step("createClob()", () -> c.createClob());
    t.step("createArrayOf(integer)", () -> c.createArrayOf("integer", new Object[] {1, 2}));
    t.step("isClosed()", () -> c.isClosed());
  }

  private static void statement(Transcript t, Fixture f) {
    Connection c = f.connection();
    String table = f.table();
    Statement s = t.step("createStatement()", () -> c.createStatement());
    t.step("getConnection()", () -> s.getConnection());
    ResultSet rs = t.step("executeQuery(select)", () -> s.executeQuery(selectAll(table)));
    t.step("rs.getStatement()", () -> rs.getStatement());
    t.step("getResultSet() after executeQuery", () -> s.getResultSet());
    t.step("rows", () -> rows(rs));
    t.step("getResultSet() after reading", () -> s.getResultSet());
    t.step("execute(select)", () -> s.execute("select name from " + table + " where id = 2"));
    ResultSet second = t.step("getResultSet()", () -> s.getResultSet());
    t.step("getResultSet() again", () -> s.getResultSet());
    t.step("second.getStatement()", () -> second.getStatement());
    t.step("rows", () -> rows(second));
    t.step("getResultSet() after reading", () -> s.getResultSet());
    t.step("getUpdateCount()", () -> s.getUpdateCount());
    t.step("getMoreResults()", () -> s.getMoreResults());
    t.step("getResultSet() after getMoreResults", () -> s.getResultSet());
    t.step("getUpdateCount()", () -> s.getUpdateCount());
    t.step("executeUpdate(update)", () -> s.executeUpdate(update(table)));
    t.step("getUpdateCount()", () -> s.getUpdateCount());
    t.step("execute(update)", () -> s.execute(update(table)));
    t.step("getResultSet()", () -> s.getResultSet());
    t.step("getUpdateCount()", () -> s.getUpdateCount());
    t.step("getLargeUpdateCount()", () -> s.getLargeUpdateCount());
    t.step(
        "getMoreResults(CLOSE_ALL_RESULTS)", () -> s.getMoreResults(Statement.CLOSE_ALL_RESULTS));
    t.step("executeLargeUpdate(update)", () -> s.executeLargeUpdate(update(table)));
    t.step("execute(bad sql)", () -> s.execute("select nope from " + table));
    t.step("executeQuery(update)", () -> s.executeQuery(update(table)));
    t.step("executeUpdate(select)", () -> s.executeUpdate(selectAll(table)));
    t.step("still usable", () -> rows(s.executeQuery("select count(*) from " + table)));
    t.act("setMaxRows(2)", () -> s.setMaxRows(2));
    t.step("getMaxRows()", () -> s.getMaxRows());
    t.step("rows with max rows", () -> rows(s.executeQuery(selectAll(table))));
    t.step("getLargeMaxRows()", () -> s.getLargeMaxRows());
    t.act("setFetchSize(10)", () -> s.setFetchSize(10));
    t.step("getFetchSize()", () -> s.getFetchSize());
    t.act("setQueryTimeout(30)", () -> s.setQueryTimeout(30));
    t.step("getQueryTimeout()", () -> s.getQueryTimeout());
    t.step("getMaxFieldSize()", () -> s.getMaxFieldSize());
    t.step("getFetchDirection()", () -> s.getFetchDirection());
    t.step("getResultSetType()", () -> s.getResultSetType());
    t.step("getResultSetConcurrency()", () -> s.getResultSetConcurrency());
    t.step("getResultSetHoldability()", () -> s.getResultSetHoldability());
    t.step("isPoolable()", () -> s.isPoolable());
    t.step("isCloseOnCompletion()", () -> s.isCloseOnCompletion());
    t.step("enquoteLiteral()", () -> s.enquoteLiteral("it's"));
    t.step("enquoteIdentifier()", () -> s.enquoteIdentifier("name", false));
    t.step("isSimpleIdentifier()", () -> s.isSimpleIdentifier("name"));
    t.step("getWarnings()", () -> s.getWarnings());
    t.step("isClosed()", () -> s.isClosed());
    ResultSet last = t.step("executeQuery(select)", () -> s.executeQuery(selectAll(table)));
    t.act("closeOnCompletion()", () -> s.closeOnCompletion());
    t.step("isCloseOnCompletion()", () -> s.isCloseOnCompletion());
    t.act("close result set", () -> last.close());
    t.step("isClosed() after its result set closed", () -> s.isClosed());
    t.act("close()", () -> s.close());
    t.step("isClosed()", () -> s.isClosed());
  }

  private static void prepared(Transcript t, Fixture f) {
    Connection c = f.connection();
    String table = f.table();
    PreparedStatement select =
        t.step(
            "prepareStatement(select)",
            () -> c.prepareStatement("select id, name, amount from " + table + " where id = ?"));
    t.step("getConnection()", () -> select.getConnection());
    t.step("column count before executing", () -> select.getMetaData().getColumnCount());
    t.step("parameter count", () -> select.getParameterMetaData().getParameterCount());
    t.act("setInt(1, 2)", () -> select.setInt(1, 2));
    ResultSet rs = t.step("executeQuery()", () -> select.executeQuery());
    t.step("rs.getStatement()", () -> rs.getStatement());
    t.step("rows", () -> rows(rs));
    t.act("setInt(1, 3)", () -> select.setInt(1, 3));
    t.step("execute()", () -> select.execute());
    ResultSet again = t.step("getResultSet()", () -> select.getResultSet());
    t.step("getResultSet() again", () -> select.getResultSet());
    t.step("again.getStatement()", () -> again.getStatement());
    t.step("rows", () -> rows(again));
    t.step("getUpdateCount()", () -> select.getUpdateCount());
    t.step("getMoreResults()", () -> select.getMoreResults());
    t.act("clearParameters()", () -> select.clearParameters());
    t.step("executeQuery() unbound", () -> rows(select.executeQuery()));
    t.act("setNull(1, INTEGER)", () -> select.setNull(1, Types.INTEGER));
    t.step("rows for null", () -> rows(select.executeQuery()));
    t.step(
        "executeQuery(sql) on a prepared statement", () -> select.executeQuery(selectAll(table)));
    t.act("close()", () -> select.close());
    PreparedStatement insert =
        t.step(
            "prepareStatement(insert)",
            () ->
                c.prepareStatement(
                    "insert into " + table + " (id, name, amount) values (?, ?, ?)"));
    t.act("setInt(1, 20)", () -> insert.setInt(1, 20));
    t.act("setString(2, null)", () -> insert.setString(2, null));
    t.act("setObject(3, 5)", () -> insert.setObject(3, 5));
    t.step("executeUpdate()", () -> insert.executeUpdate());
    t.step("getUpdateCount()", () -> insert.getUpdateCount());
    t.step("executeUpdate() again: duplicate", () -> insert.executeUpdate());
    t.act("setInt(1, 21)", () -> insert.setInt(1, 21));
    t.step("executeLargeUpdate()", () -> insert.executeLargeUpdate());
    t.act("setInt(1, 22)", () -> insert.setInt(1, 22));
    t.step("execute()", () -> insert.execute());
    t.step("getUpdateCount()", () -> insert.getUpdateCount());
    t.step("getResultSet()", () -> insert.getResultSet());
    t.step("getWarnings()", () -> insert.getWarnings());
    t.act("close()", () -> insert.close());
    t.step("rows", () -> rows(c.createStatement().executeQuery(selectAll(table))));
  }

  private static void callable(Transcript t, Fixture f) {
    Connection c = f.connection();
    TestDatabase.Routine routine = f.routine();
    CallableStatement call = t.step("prepareCall()", () -> c.prepareCall(routine.callSql()));
    t.step("getConnection()", () -> call.getConnection());
    t.act(
        "registerOutParameter", () -> call.registerOutParameter(routine.outIndex(), Types.INTEGER));
    t.act("setInt(in, 41)", () -> call.setInt(routine.inIndex(), 41));
    t.step("execute()", () -> call.execute());
    t.step("getInt(out)", () -> call.getInt(routine.outIndex()));
    t.step("wasNull()", () -> call.wasNull());
    t.step("getObject(out)", () -> call.getObject(routine.outIndex()));
    t.step("getResultSet()", () -> call.getResultSet());
    t.step("getUpdateCount()", () -> call.getUpdateCount());
    t.step("getMoreResults()", () -> call.getMoreResults());
    t.act("setInt(in, 1)", () -> call.setInt(routine.inIndex(), 1));
    t.step("execute() again", () -> call.execute());
    t.step("getInt(out)", () -> call.getInt(routine.outIndex()));
    t.step("getWarnings()", () -> call.getWarnings());
    t.act("close()", () -> call.close());
    t.step("isClosed()", () -> call.isClosed());
  }

  private static void resultSet(Transcript t, Fixture f) {
    Connection c = f.connection();
    String table = f.table();
    Statement s =
        t.step(
            "createStatement(forward only, read only)",
            () -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
    ResultSet rs = t.step("executeQuery()", () -> s.executeQuery(selectAll(table)));
    t.step("getType()", () -> rs.getType());
    t.step("getConcurrency()", () -> rs.getConcurrency());
    t.step("getFetchDirection()", () -> rs.getFetchDirection());
    t.step("isBeforeFirst()", () -> rs.isBeforeFirst());
    t.step("getRow()", () -> rs.getRow());
    t.step("getInt(1) before next()", () -> rs.getInt(1));
    t.step("next()", () -> rs.next());
    t.step("isFirst()", () -> rs.isFirst());
    t.step("getRow()", () -> rs.getRow());
    t.step("getInt(1)", () -> rs.getInt(1));
    t.step("getString(2)", () -> rs.getString(2));
    t.step("getObject(3)", () -> rs.getObject(3));
    t.step("getLong(amount)", () -> rs.getLong("amount"));
    t.step("wasNull()", () -> rs.wasNull());
    t.step("getString(4)", () -> rs.getString(4));
    t.step("getInt(nope)", () -> rs.getInt("nope"));
    t.step("findColumn(name)", () -> rs.findColumn("name"));
    ResultSetMetaData meta = t.step("getMetaData()", () -> rs.getMetaData());
    t.step("column count", () -> meta.getColumnCount());
    t.step("column label", () -> meta.getColumnLabel(2).toLowerCase(Locale.ROOT));
    t.step("column type", () -> meta.getColumnType(3));
    t.act("updateInt() on a read-only cursor", () -> rs.updateInt(3, 1));
    t.step("next()", () -> rs.next());
    t.step("next()", () -> rs.next());
    t.step("isLast()", () -> rs.isLast());
    t.step("next() past the end", () -> rs.next());
    t.step("isAfterLast()", () -> rs.isAfterLast());
    t.step("next() again", () -> rs.next());
    t.step("getInt(1) after the end", () -> rs.getInt(1));
    t.step("previous() on forward only", () -> rs.previous());
    t.step("getWarnings()", () -> rs.getWarnings());
    t.step("getStatement()", () -> rs.getStatement());
    t.act("close()", () -> rs.close());
    t.step("isClosed()", () -> rs.isClosed());
    Statement scrolling =
        t.step(
            "createStatement(scroll insensitive)",
            () -> c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
    ResultSet scroll = t.step("executeQuery()", () -> scrolling.executeQuery(selectAll(table)));
    t.step("last()", () -> scroll.last());
    t.step("getRow()", () -> scroll.getRow());
    t.step("absolute(2)", () -> scroll.absolute(2));
    t.step("getInt(1)", () -> scroll.getInt(1));
    t.step("previous()", () -> scroll.previous());
    t.step("relative(2)", () -> scroll.relative(2));
    t.step("getInt(1)", () -> scroll.getInt(1));
    t.act("beforeFirst()", () -> scroll.beforeFirst());
    t.step("rows", () -> rows(scroll));
    t.act("close statements", () -> closeAll(s, scrolling));
  }

  private static void metaData(Transcript t, Fixture f) {
    Connection c = f.connection();
    DatabaseMetaData md = t.step("getMetaData()", () -> c.getMetaData());
    t.step("getMetaData() again", () -> c.getMetaData());
    t.step("getConnection()", () -> md.getConnection());
    t.step("getDatabaseProductName()", () -> md.getDatabaseProductName());
    t.step("getDriverName()", () -> md.getDriverName());
    t.step("getUserName()", () -> md.getUserName());
    t.step("supportsBatchUpdates()", () -> md.supportsBatchUpdates());
    t.step("supportsGetGeneratedKeys()", () -> md.supportsGetGeneratedKeys());
    t.step("getIdentifierQuoteString()", () -> md.getIdentifierQuoteString());
    t.step("getRowIdLifetime()", () -> md.getRowIdLifetime());
    String table = storedName(md, f.table());
    ResultSet tables =
        t.step("getTables()", () -> md.getTables(null, null, table, new String[] {"TABLE"}));
    Statement owner = t.step("tables.getStatement()", () -> tables.getStatement());
    t.step("tables.getStatement() again", () -> tables.getStatement());
    t.step("its getConnection()", () -> owner.getConnection());
    t.step("table names", () -> rows(tables, "TABLE_NAME"));
    t.step("tables.isClosed()", () -> tables.isClosed());
    ResultSet columns = t.step("getColumns()", () -> md.getColumns(null, null, table, null));
    t.step("columns.getStatement()", () -> columns.getStatement());
    t.step("columns", () -> rows(columns, "COLUMN_NAME", "ORDINAL_POSITION"));
    ResultSet keys = t.step("getPrimaryKeys()", () -> md.getPrimaryKeys(null, null, table));
    t.step("keys.getStatement()", () -> keys.getStatement());
    t.step("key columns", () -> rows(keys, "COLUMN_NAME"));
    ResultSet types = t.step("getTypeInfo()", () -> md.getTypeInfo());
    t.step("types.getStatement()", () -> types.getStatement());
    t.step("types.next()", () -> types.next());
    t.act("types.close()", () -> types.close());
    ResultSet catalogs = t.step("getCatalogs()", () -> md.getCatalogs());
    t.step("catalogs.getStatement()", () -> catalogs.getStatement());
    t.act("catalogs.close()", () -> catalogs.close());
    ResultSet tableTypes = t.step("getTableTypes()", () -> md.getTableTypes());
    t.step("tableTypes.getStatement()", () -> tableTypes.getStatement());
    t.act("tableTypes.close()", () -> tableTypes.close());
    t.step("unwrap(DatabaseMetaData)", () -> md.unwrap(DatabaseMetaData.class));
    t.step("isWrapperFor(DatabaseMetaData)", () -> md.isWrapperFor(DatabaseMetaData.class));
    t.step("isWrapperFor(Runnable)", () -> md.isWrapperFor(Runnable.class));
    Statement made =
        t.step("getConnection().createStatement()", () -> md.getConnection().createStatement());
    t.step("its getConnection()", () -> made.getConnection());
    t.step("rows", () -> rows(made.executeQuery(selectAll(f.table()))));
    t.act("close it", () -> made.close());
  }

  private static void generatedKeys(Transcript t, Fixture f) {
    Connection c = f.connection();
    String insert = "insert into " + f.keyed() + " (name) values ('a')";
    Statement s = t.step("createStatement()", () -> c.createStatement());
    t.step("getGeneratedKeys() before executing", () -> s.getGeneratedKeys());
    t.step(
        "executeUpdate(insert, RETURN_GENERATED_KEYS)",
        () -> s.executeUpdate(insert, Statement.RETURN_GENERATED_KEYS));
    ResultSet keys = t.step("getGeneratedKeys()", () -> s.getGeneratedKeys());
    t.step("getGeneratedKeys() again", () -> s.getGeneratedKeys());
    t.step("keys.getStatement()", () -> keys.getStatement());
    t.step("keys", () -> rows(keys));
    t.step(
        "execute(insert, RETURN_GENERATED_KEYS)",
        () -> s.execute(insert, Statement.RETURN_GENERATED_KEYS));
    ResultSet more = t.step("getGeneratedKeys()", () -> s.getGeneratedKeys());
    t.step("more.getStatement()", () -> more.getStatement());
    t.step("keys", () -> rows(more));
    t.step("executeUpdate(insert) without keys", () -> s.executeUpdate(insert));
    t.step("getGeneratedKeys()", () -> rows(s.getGeneratedKeys()));
    PreparedStatement prepared =
        t.step(
            "prepareStatement(insert, RETURN_GENERATED_KEYS)",
            () ->
                c.prepareStatement(
                    "insert into " + f.keyed() + " (name) values (?)",
                    Statement.RETURN_GENERATED_KEYS));
    ResultSet before =
        t.step("getGeneratedKeys() before executing", () -> prepared.getGeneratedKeys());
    t.step("before.getStatement()", () -> before.getStatement());
    t.act("setString(1, b)", () -> prepared.setString(1, "b"));
    t.step("executeUpdate()", () -> prepared.executeUpdate());
    ResultSet after = t.step("getGeneratedKeys()", () -> prepared.getGeneratedKeys());
    t.step("after.getStatement()", () -> after.getStatement());
    t.step("keys", () -> rows(after));
    String id = f.database() == TestDatabase.H2 ? "ID" : "id";
    PreparedStatement named =
        t.step(
            "prepareStatement(insert, column names)",
            () ->
                c.prepareStatement(
                    "insert into " + f.keyed() + " (name) values (?)", new String[] {id}));
    t.act("setString(1, c)", () -> named.setString(1, "c"));
    t.step("executeUpdate()", () -> named.executeUpdate());
    ResultSet byName = t.step("getGeneratedKeys()", () -> named.getGeneratedKeys());
    t.step("byName.getStatement()", () -> byName.getStatement());
    t.step("keys", () -> rows(byName));
    t.act("close statements", () -> closeAll(s, prepared, named));
  }

  private static void batches(Transcript t, Fixture f) {
    Connection c = f.connection();
    String table = f.table();
    Statement s = t.step("createStatement()", () -> c.createStatement());
    t.step("executeBatch() with nothing added", () -> s.executeBatch());
    t.step("executeLargeBatch() with nothing added", () -> s.executeLargeBatch());
    t.act("addBatch(insert 10)", () -> s.addBatch(insert(table, 10)));
    t.act("addBatch(update)", () -> s.addBatch(update(table)));
    t.step("executeBatch()", () -> s.executeBatch());
    t.step("executeBatch() after it", () -> s.executeBatch());
    t.act("addBatch(insert 11)", () -> s.addBatch(insert(table, 11)));
    t.act("clearBatch()", () -> s.clearBatch());
    t.step("executeBatch() after clearBatch()", () -> s.executeBatch());
    t.act("addBatch(insert 12)", () -> s.addBatch(insert(table, 12)));
    t.step("executeLargeBatch()", () -> s.executeLargeBatch());
    t.act("addBatch(insert 1, a duplicate)", () -> s.addBatch(insert(table, 1)));
    t.step("executeBatch() failing", () -> s.executeBatch());
    t.step("executeBatch() after the failure", () -> s.executeBatch());
    t.step("getUpdateCount()", () -> s.getUpdateCount());
    PreparedStatement prepared =
        t.step(
            "prepareStatement(insert)",
            () ->
                c.prepareStatement(
                    "insert into " + table + " (id, name, amount) values (?, ?, ?)"));
    t.step("executeBatch() with nothing added", () -> prepared.executeBatch());
    t.step("executeLargeBatch() with nothing added", () -> prepared.executeLargeBatch());
    for (int id = 30; id < 33; id++) {
      int row = id;
      t.act("bind and addBatch() " + row, () -> bindRow(prepared, row));
    }
    t.step("executeBatch()", () -> prepared.executeBatch());
    t.act("bind and addBatch() 40", () -> bindRow(prepared, 40));
    t.step("executeLargeBatch()", () -> prepared.executeLargeBatch());
    t.act("bind and addBatch() 41", () -> bindRow(prepared, 41));
    t.act("clearBatch()", () -> prepared.clearBatch());
    t.step("executeBatch() after clearBatch()", () -> prepared.executeBatch());
    t.act("bind and addBatch() 2, a duplicate", () -> bindRow(prepared, 2));
    t.step("executeBatch() failing", () -> prepared.executeBatch());
    t.step("rows", () -> rows(s.executeQuery("select id from " + table + " order by id")));
    t.act("close statements", () -> closeAll(s, prepared));
  }

  private static void warnings(Transcript t, Fixture f) {
    Connection c = f.connection();
    String missing = f.table() + "gone";
    Statement s = t.step("createStatement()", () -> c.createStatement());
    t.step("getWarnings() before", () -> s.getWarnings());
    t.step(
        "execute(drop a missing table if exists)",
        () -> s.execute("drop table if exists " + missing));
    t.step("getWarnings()", () -> s.getWarnings());
    t.act("clearWarnings()", () -> s.clearWarnings());
    t.step("getWarnings() after clearWarnings()", () -> s.getWarnings());
    t.step("connection getWarnings()", () -> c.getWarnings());
    t.act("connection clearWarnings()", () -> c.clearWarnings());
    t.step("connection getWarnings() after clearWarnings()", () -> c.getWarnings());
    ResultSet rs = t.step("executeQuery()", () -> s.executeQuery(selectAll(f.table())));
    t.step("rs.getWarnings()", () -> rs.getWarnings());
    t.act("rs.clearWarnings()", () -> rs.clearWarnings());
    t.act("close()", () -> s.close());
  }

  private static void wrappers(Transcript t, Fixture f) {
    Connection c = f.connection();
    Class<?> vendorConnection = f.database().vendorConnectionType();
    Class<?> vendorStatement = f.database().vendorStatementType();
    wrapperQuestions(t, "connection", c, Connection.class);
    t.step("isWrapperFor(vendor connection)", () -> c.isWrapperFor(vendorConnection));
    t.step(
        "unwrap(vendor connection) is one",
        () -> vendorConnection.isInstance(c.unwrap(vendorConnection)));
    t.step(
        "the vendor connection works", () -> ((Connection) c.unwrap(vendorConnection)).isValid(5));
    Statement s = t.step("createStatement()", () -> c.createStatement());
    wrapperQuestions(t, "statement", s, Statement.class);
    t.step("isWrapperFor(vendor statement)", () -> s.isWrapperFor(vendorStatement));
    t.step(
        "unwrap(vendor statement) is one",
        () -> vendorStatement.isInstance(s.unwrap(vendorStatement)));
    PreparedStatement p =
        t.step("prepareStatement()", () -> c.prepareStatement(selectAll(f.table())));
    wrapperQuestions(t, "prepared statement", p, PreparedStatement.class);
    t.step("prepared isWrapperFor(Statement)", () -> p.isWrapperFor(Statement.class));
    t.step("prepared unwrap(Statement)", () -> p.unwrap(Statement.class));
    t.step(
        "prepared isWrapperFor(CallableStatement)", () -> p.isWrapperFor(CallableStatement.class));
    ResultSet rs = t.step("executeQuery()", () -> p.executeQuery());
    wrapperQuestions(t, "result set", rs, ResultSet.class);
    DatabaseMetaData md = t.step("getMetaData()", () -> c.getMetaData());
    wrapperQuestions(t, "metadata", md, DatabaseMetaData.class);
    t.act("close statements", () -> closeAll(s, p));
  }

  /**
   * What every {@link Wrapper} is asked about itself, as {@code what}, whose JDBC type is {@code
   * type}.
   */
  private static void wrapperQuestions(Transcript t, String what, Wrapper w, Class<?> type) {
    t.step(what + " isWrapperFor(own type)", () -> w.isWrapperFor(type));
    t.step(what + " unwrap(own type)", () -> w.unwrap(type));
    t.step(what + " isWrapperFor(Wrapper)", () -> w.isWrapperFor(Wrapper.class));
    t.step(what + " unwrap(AutoCloseable)", () -> w.unwrap(AutoCloseable.class));
    t.step(what + " unwrap(Object)", () -> w.unwrap(Object.class));
    t.step(what + " isWrapperFor(Runnable)", () -> w.isWrapperFor(Runnable.class));
    t.step(what + " unwrap(Runnable)", () -> w.unwrap(Runnable.class));
  }

  private static void nullArguments(Transcript t, Fixture f) {
    Connection c = f.connection();
    Statement s = t.step("createStatement()", () -> c.createStatement());
    PreparedStatement p =
        t.step(
            "prepareStatement()",
            () -> c.prepareStatement("select id from " + f.table() + " where name = ?"));
    ResultSet rs = t.step("executeQuery()", () -> s.executeQuery(selectAll(f.table())));
    DatabaseMetaData md = t.step("getMetaData()", () -> c.getMetaData());
    List<Wrapper> wrappers = Arrays.asList(c, s, p, rs, md); // an earlier step may have failed
    for (int i = 0; i < wrappers.size(); i++) {
      Wrapper w = wrappers.get(i);
      t.step("isWrapperFor(null) #" + i, () -> w.isWrapperFor(null));
      t.step("unwrap(null) #" + i, () -> w.unwrap(null));
    }
    t.step("rs.findColumn(null)", () -> rs.findColumn(null));
    t.step("rs.next()", () -> rs.next());
    t.step("rs.getString(null)", () -> rs.getString(null));
    t.step("executeQuery(null)", () -> s.executeQuery(null));
    t.step("executeUpdate(null)", () -> s.executeUpdate(null));
    t.step("execute(null)", () -> s.execute(null));
    t.step("executeLargeUpdate(null)", () -> s.executeLargeUpdate(null));
    t.act("addBatch(null)", () -> s.addBatch(null));
    t.step("executeBatch()", () -> s.executeBatch());
    t.step("enquoteIdentifier(null)", () -> s.enquoteIdentifier(null, false));
    t.step("prepareStatement(null)", () -> c.prepareStatement(null));
    t.step("prepareCall(null)", () -> c.prepareCall(null));
    t.step("nativeSQL(null)", () -> c.nativeSQL(null));
    t.act("setString(1, null)", () -> p.setString(1, null));
    t.step("rows", () -> rows(p.executeQuery()));
    t.act("setObject(1, null)", () -> p.setObject(1, null));
    t.step("rows", () -> rows(p.executeQuery()));
    t.step("md.getTables(all null)", () -> md.getTables(null, null, null, null) != null);
    t.act("close statements", () -> closeAll(s, p));
  }

  private static void closedObjects(Transcript t, Fixture f) {
    Connection c = f.connection();
    String table = f.table();
    Statement s = t.step("createStatement()", () -> c.createStatement());
    ResultSet rs = t.step("executeQuery()", () -> s.executeQuery(selectAll(table)));
    t.act("rs.close()", () -> rs.close());
    t.step("rs.isClosed()", () -> rs.isClosed());
    t.step("rs.getStatement()", () -> rs.getStatement());
    t.step("rs.next()", () -> rs.next());
    t.step("rs.getInt(1)", () -> rs.getInt(1));
    t.step("rs.getMetaData()", () -> rs.getMetaData());
    t.step("rs.getWarnings()", () -> rs.getWarnings());
    t.step("rs.isWrapperFor(ResultSet)", () -> rs.isWrapperFor(ResultSet.class));
    t.step("rs.unwrap(ResultSet)", () -> rs.unwrap(ResultSet.class));
    t.act("rs.close() again", () -> rs.close());
    ResultSet open =
        t.step("executeQuery() for the statement to close", () -> s.executeQuery(selectAll(table)));
    t.act("s.close()", () -> s.close());
    t.step("s.isClosed()", () -> s.isClosed());
    t.step("its result set isClosed()", () -> open.isClosed());
    t.step("its result set getStatement()", () -> open.getStatement());
    t.step("s.getConnection()", () -> s.getConnection());
    t.step("s.getResultSet()", () -> s.getResultSet());
    t.step("s.getGeneratedKeys()", () -> s.getGeneratedKeys());
    t.step("s.getUpdateCount()", () -> s.getUpdateCount());
    t.step("s.getMoreResults()", () -> s.getMoreResults());
    t.step("s.getWarnings()", () -> s.getWarnings());
    t.act("s.clearWarnings()", () -> s.clearWarnings());
    t.step("s.getMaxRows()", () -> s.getMaxRows());
    t.act("s.setFetchSize(5)", () -> s.setFetchSize(5));
    t.step("s.isWrapperFor(Statement)", () -> s.isWrapperFor(Statement.class));
    t.step("s.unwrap(Statement)", () -> s.unwrap(Statement.class));
    t.step("s.executeQuery()", () -> s.executeQuery(selectAll(table)));
    t.step("s.executeUpdate()", () -> s.executeUpdate(update(table)));
    t.step("s.execute()", () -> s.execute(update(table)));
    t.act("s.addBatch()", () -> s.addBatch(update(table)));
    t.step("s.executeBatch()", () -> s.executeBatch());
    t.step("s.executeLargeBatch()", () -> s.executeLargeBatch());
    t.act("s.close() again", () -> s.close());
    PreparedStatement p =
        t.step(
            "prepareStatement()",
            () -> c.prepareStatement("select id from " + table + " where id = ?"));
    t.act("p.close()", () -> p.close());
    t.step("p.getConnection()", () -> p.getConnection());
    t.step("p.getMetaData()", () -> p.getMetaData());
    t.step("p.getParameterMetaData()", () -> p.getParameterMetaData());
    t.act("p.setInt()", () -> p.setInt(1, 1));
    t.act("p.clearParameters()", () -> p.clearParameters());
    t.step("p.executeQuery()", () -> p.executeQuery());
    t.step("p.executeUpdate()", () -> p.executeUpdate());
    t.act("p.addBatch()", () -> p.addBatch());
    t.step("p.executeBatch()", () -> p.executeBatch());
    DatabaseMetaData md = t.step("getMetaData()", () -> c.getMetaData());
    Statement left = t.step("createStatement() left open", () -> c.createStatement());
    t.act("c.close()", () -> c.close());
    t.step("c.isClosed()", () -> c.isClosed());
    t.step("left open isClosed()", () -> left.isClosed());
    t.step("left open getConnection()", () -> left.getConnection());
    t.step("c.isValid(1)", () -> c.isValid(1));
    t.step("c.isWrapperFor(Connection)", () -> c.isWrapperFor(Connection.class));
    t.step("c.unwrap(Connection)", () -> c.unwrap(Connection.class));
    t.step("c.getMetaData()", () -> c.getMetaData());
    t.step("c.getAutoCommit()", () -> c.getAutoCommit());
    t.act("c.setAutoCommit(false)", () -> c.setAutoCommit(false));
    t.act("c.commit()", () -> c.commit());
    t.act("c.rollback()", () -> c.rollback());
    t.step("c.getCatalog()", () -> c.getCatalog());
    t.step("c.getTransactionIsolation()", () -> c.getTransactionIsolation());
    t.step("c.nativeSQL()", () -> c.nativeSQL("select 1"));
    t.step("c.getWarnings()", () -> c.getWarnings());
    Statement late = t.step("c.createStatement()", () -> c.createStatement());
    t.step("its getConnection()", () -> late.getConnection());
    t.step("its executeQuery()", () -> late.executeQuery("select 1"));
    t.step("c.prepareStatement()", () -> c.prepareStatement("select 1"));
    t.step("c.prepareCall()", () -> c.prepareCall("select 1"));
    t.step("md.getConnection()", () -> md.getConnection());
    t.step("md.getDatabaseProductName()", () -> md.getDatabaseProductName());
    t.step("md.getTables()", () -> md.getTables(null, null, "nothing", null));
    t.act("c.close() again", () -> c.close());
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String selectAll(String table) {
    return "select id, name, amount from " + table + " order by id";
  }

  private static String insert(String table, int id) {
    return "insert into " + table + " (id, name, amount) values (" + id + ", 'n', " + id + ")";
  }

  private static String update(String table) {
    return "update " + table + " set amount = amount + 1 where id > 1";
  }

  private static void bindRow(PreparedStatement statement, int id) throws SQLException {
    statement.setInt(1, id);
    statement.setString(2, "name-" + id);
    statement.setInt(3, id * 10);
    statement.addBatch();
  }

  /** The name {@code md}'s catalog functions match {@code table} by (H2 stores upper case). */
  private static String storedName(DatabaseMetaData md, String table) {
    try {
      return md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    } catch (SQLException | RuntimeException e) {
      return table;
    }
  }

  /** Every remaining row of {@code rs}, all columns, as text. */
  private static String rows(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    StringBuilder text = new StringBuilder();
    while (rs.next()) {
      text.append('(');
      for (int i = 1; i <= columns; i++) {
        text.append(i > 1 ? ", " : "").append(rs.getObject(i));
      }
      text.append(')');
    }
    return text.toString();
  }

  /** Every remaining row of {@code rs}, the given columns, as text. */
  private static String rows(ResultSet rs, String... labels) throws SQLException {
    StringBuilder text = new StringBuilder();
    while (rs.next()) {
      text.append('(');
      for (int i = 0; i < labels.length; i++) {
        text.append(i > 0 ? ", " : "").append(rs.getString(labels[i]));
      }
      text.append(')');
    }
    return text.toString();
  }

  private static void closeAll(Statement... statements) throws SQLException {
    for (Statement statement : statements) {
      if (statement != null) {
        statement.close();
      }
    }
  }
}
