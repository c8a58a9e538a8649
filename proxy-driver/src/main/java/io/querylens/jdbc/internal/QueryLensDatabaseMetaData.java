package io.querylens.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Wraps a {@link DatabaseMetaData} so that it leads back to the application's connection: {@link
 * #getConnection()} returns the {@link QueryLensConnection}, and its cursors are wrapped, so that a
 * cursor's statement does too. Everything else delegates through the generated {@link
 * DelegatingDatabaseMetaData}.
 */
final class QueryLensDatabaseMetaData extends DelegatingDatabaseMetaData {
  private final QueryLensConnection connection;

  QueryLensDatabaseMetaData(DatabaseMetaData delegate, QueryLensConnection connection) {
    super(delegate);
    this.connection = connection;
  }

  private ResultSet resultSet(ResultSet rs) {
    return rs == null ? null : new QueryLensResultSet(rs, connection);
  }

  /** The wrapping connection, once the driver has answered (it may throw, or say null). */
  @Override
  public Connection getConnection() throws SQLException {
    return delegate.getConnection() == null ? null : connection;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Unwrapping.unwrap(this, QueryLensDatabaseMetaData.class, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return Unwrapping.isWrapperFor(this, QueryLensDatabaseMetaData.class, delegate, iface);
  }

  // ---- cursors, wrapped so that they lead back to the connection --------------------------------

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return resultSet(delegate.getProcedures(catalog, schemaPattern, procedureNamePattern));
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSet(
        delegate.getProcedureColumns(
            catalog, schemaPattern, procedureNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return resultSet(delegate.getTables(catalog, schemaPattern, tableNamePattern, types));
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return resultSet(delegate.getSchemas());
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return resultSet(delegate.getCatalogs());
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return resultSet(delegate.getTableTypes());
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSet(
        delegate.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return resultSet(delegate.getColumnPrivileges(catalog, schema, table, columnNamePattern));
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return resultSet(delegate.getTablePrivileges(catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return resultSet(delegate.getBestRowIdentifier(catalog, schema, table, scope, nullable));
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return resultSet(delegate.getVersionColumns(catalog, schema, table));
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return resultSet(delegate.getPrimaryKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return resultSet(delegate.getImportedKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return resultSet(delegate.getExportedKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    return resultSet(
        delegate.getCrossReference(
            parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return resultSet(delegate.getTypeInfo());
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return resultSet(delegate.getIndexInfo(catalog, schema, table, unique, approximate));
  }

  @Override
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return resultSet(delegate.getUDTs(catalog, schemaPattern, typeNamePattern, types));
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    return resultSet(delegate.getSuperTypes(catalog, schemaPattern, typeNamePattern));
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return resultSet(delegate.getSuperTables(catalog, schemaPattern, tableNamePattern));
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
      throws SQLException {
    return resultSet(
        delegate.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern));
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return resultSet(delegate.getSchemas(catalog, schemaPattern));
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return resultSet(delegate.getClientInfoProperties());
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return resultSet(delegate.getFunctions(catalog, schemaPattern, functionNamePattern));
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSet(
        delegate.getFunctionColumns(
            catalog, schemaPattern, functionNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSet(
        delegate.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }
}
