package io.querylens.jdbc.internal.serverstats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * Explains a statement text as PostgreSQL normalised it ({@code $1} for each value) without any
 * bind value: its generic plan. PostgreSQL 16 and later say {@code EXPLAIN (GENERIC_PLAN)}; older
 * servers prepare the text, force the generic plan for the transaction and explain an execution
 * with every parameter NULL, which the generic plan does not look at. Always in a read-only
 * transaction with a statement timeout, rolled back; the prepared statement is deallocated.
 */
final class GenericPlans {
  /** The name of the statement prepared on servers before 16. */
  static final String PREPARED_NAME = "querylens_explain";

  private final int serverVersionNum;
  private final long timeoutMillis;

  /**
   * @param serverVersionNum the server's {@code server_version_num}, e.g. 150020
   * @param timeoutMillis the statement timeout of each step
   */
  GenericPlans(int serverVersionNum, long timeoutMillis) {
    this.serverVersionNum = serverVersionNum;
    this.timeoutMillis = timeoutMillis;
  }

  /** The JSON plan of {@code normalisedText}; throws when the server cannot plan it. */
  String explainJson(Connection connection, String normalisedText) throws SQLException {
    String text = stripSemicolon(normalisedText);
    boolean autoCommit = connection.getAutoCommit();
    boolean prepared = false;
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      if (autoCommit) {
        connection.setAutoCommit(false);
      } else {
        connection.rollback();
      }
      s.execute("set transaction read only");
      s.execute("set local statement_timeout = " + timeoutMillis);
      if (serverVersionNum >= 160000) {
        return rowsAsLines(s, "explain (generic_plan, format json) " + text);
      }
      s.execute("set local plan_cache_mode = force_generic_plan");
      s.execute("prepare " + PREPARED_NAME + " as " + text);
      prepared = true;
      return rowsAsLines(s, "explain (format json) execute " + PREPARED_NAME + nulls(text));
    } finally {
      connection.rollback();
      if (prepared) {
        try (Statement s = connection.createStatement()) {
          s.execute("deallocate " + PREPARED_NAME);
        }
      }
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    }
  }

  /** The first column of every row {@code sql} returns, one line each. */
  private static String rowsAsLines(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
      return out.toString();
    }
  }

  /** {@code (NULL, NULL)} for a text whose highest parameter is {@code $2}; "" without any. */
  static String nulls(String text) {
    int n = highestParameter(text);
    if (n == 0) {
      return "";
    }
    StringJoiner out = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < n; i++) {
      out.add("NULL");
    }
    return out.toString();
  }

  /** The highest {@code $n} outside quotes, or 0. */
  static int highestParameter(String text) {
    int highest = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '$'
          && i + 1 < text.length()
          && Character.isDigit(text.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        int n = 0;
        while (i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
          n = n * 10 + (text.charAt(++i) - '0');
        }
        highest = Math.max(highest, n);
      }
    }
    return highest;
  }

  private static String stripSemicolon(String text) {
    String t = text.strip();
    while (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }
}
