package io.querylens.core;

/**
 * The database an execution ran on, as the OpenTelemetry database conventions name it: derived once
 * per JDBC URL, never holding user names, passwords or other URL properties.
 *
 * @param systemName {@code db.system.name}: {@code postgresql}, {@code mariadb}, {@code mysql},
 *     {@code h2database}, {@code oracle.db}, {@code microsoft.sql_server}, {@code ibm.db2}, {@code
 *     hsqldb}, {@code derby}, {@code sqlite}, or {@code other_sql}
 * @param namespace {@code db.namespace}: the database (or catalog) name, or null when unknown
 * @param serverAddress {@code server.address}: the host, or null for an embedded database
 * @param serverPort {@code server.port}: the port, or -1 when unknown or embedded
 */
public record Database(String systemName, String namespace, String serverAddress, int serverPort) {
  /** A database nothing is known about. */
  public static final Database UNKNOWN = new Database("other_sql", null, null, -1);

  /** {@code postgresql test at 127.0.0.1:5432}, leaving out what is unknown; no credentials. */
  public String describe() {
    StringBuilder text = new StringBuilder(48).append(systemName);
    if (namespace != null && !namespace.isEmpty()) {
      text.append(' ').append(namespace);
    }
    if (serverAddress != null && !serverAddress.isEmpty()) {
      text.append(" at ").append(serverAddress);
      if (serverPort > 0) {
        text.append(':').append(serverPort);
      }
    }
    return text.toString();
  }
}
