package io.querylens.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one run of a {@link TransparencyScript} scene showed the application, step by step, written
 * so that a run on the raw driver and a run through QueryLens read the same exactly when the
 * application could not tell them apart.
 *
 * <p>A JDBC object is written by kind and identity: the connection the run started with is {@code
 * conn}; an object seen for the first time is {@code new Statement#2} (its kind, the most specific
 * JDBC interface it implements, and its order of appearance), and {@code Statement#2} whenever it
 * comes back. Other values are written as themselves (arrays and maps by content), a warning as its
 * chain, and a throwable as its class, SQLState, vendor code and message, less MariaDB's connection
 * id, which differs between any two connections. (The JVM must keep the message of an often thrown
 * exception: {@code -XX:-OmitStackTraceInFastThrow}.)
 */
final class Transcript {
  /** The kinds an object can be written as, most specific first. */
  private static final List<Class<?>> KINDS =
      List.of(
          CallableStatement.class,
          PreparedStatement.class,
          Statement.class,
          Connection.class,
          DatabaseMetaData.class,
          ResultSet.class,
          ResultSetMetaData.class,
          ParameterMetaData.class,
          Savepoint.class,
          NClob.class,
          Clob.class,
          Blob.class,
          SQLXML.class,
          Array.class,
          Struct.class,
          Ref.class,
          RowId.class);

  private static final Pattern CONNECTION_ID = Pattern.compile("\\(conn=\\d+\\) ?");

  /** Steps shown before the first difference in a failure message. */
  private static final int CONTEXT = 6;

  private final List<String> steps = new ArrayList<>();
  private final Map<Object, String> names = new IdentityHashMap<>();
  private int objects;

  /** A step that returns something. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws Exception;
  }

  /** A step that returns nothing. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /** Writes {@code object} as {@code name} from now on. */
  void name(String name, Object object) {
    names.put(object, name);
  }

  /**
   * Runs {@code call} and writes what it returned or threw; returns the result, null if it threw.
   */
  <T> T step(String label, Call<T> call) {
    try {
      T result = call.call();
      steps.add(label + " -> " + describe(result));
      return result;
    } catch (Throwable t) {
      steps.add(label + " -> " + thrown(t));
      return null;
    }
  }

  /** Runs {@code action} and writes whether it returned or what it threw. */
  void act(String label, Action action) {
    try {
      action.run();
      steps.add(label + " -> ok");
    } catch (Throwable t) {
      steps.add(label + " -> " + thrown(t));
    }
  }

  /**
   * Fails, showing the first step at which this transcript differs from {@code expected} and the
   * steps before it, unless the two are equal.
   */
  void assertSameAs(Transcript expected, String expectedName, String actualName) {
    List<String> want = expected.steps;
    int common = Math.min(want.size(), steps.size());
    int at = 0;
    while (at < common && want.get(at).equals(steps.get(at))) {
      at++;
    }
    if (at == common && want.size() == steps.size()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    message.append("the ").append(actualName).append(" run differs from the ").append(expectedName);
    message.append(" run at step ").append(at + 1).append(":\n");
    message.append("  ").append(expectedName).append(": ").append(stepOrEnd(want, at)).append('\n');
    message.append("  ").append(actualName).append(": ").append(stepOrEnd(steps, at)).append('\n');
    message.append("after these steps, equal in both:\n");
    for (int i = Math.max(0, at - CONTEXT); i < at; i++) {
      message.append("  ").append(i + 1).append(". ").append(want.get(i)).append('\n');
    }
    fail(message.toString());
  }

  private static String stepOrEnd(List<String> steps, int at) {
    return at < steps.size() ? steps.get(at) : "(no more steps)";
  }

  private String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String kind = kindOf(value);
    if (kind != null) {
      String name = names.get(value);
      if (name != null) {
        return name;
      }
      name = kind + "#" + ++objects;
      names.put(value, name);
      return "new " + name;
    }
    if (value instanceof SQLWarning) {
      return warnings((SQLWarning) value);
    }
    if (value instanceof Map) {
      return new TreeMap<>((Map<?, ?>) value).toString();
    }
    if (value.getClass().isArray()) { // int[] counts, byte[] values: by content
      String wrapped = Arrays.deepToString(new Object[] {value});
      return wrapped.substring(1, wrapped.length() - 1);
    }
    return String.valueOf(value);
  }

  private static String kindOf(Object value) {
    for (Class<?> kind : KINDS) {
      if (kind.isInstance(value)) {
        return kind.getSimpleName();
      }
    }
    return null;
  }

  private static String warnings(SQLWarning first) {
    StringBuilder chain = new StringBuilder("warnings");
    for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
      chain.append(" [").append(exception(w)).append(']');
    }
    return chain.toString();
  }

  private static String thrown(Throwable t) {
    StringBuilder text = new StringBuilder("throws ").append(exception(t));
    if (t.getCause() != null) {
      text.append(" caused by ").append(t.getCause().getClass().getName());
    }
    return text.toString();
  }

  private static String exception(Throwable t) {
    StringBuilder text = new StringBuilder(t.getClass().getName());
    if (t instanceof SQLException) {
      SQLException e = (SQLException) t;
      text.append(" (").append(e.getSQLState()).append(", ").append(e.getErrorCode()).append(')');
    }
    if (t instanceof BatchUpdateException) {
      text.append(" counts ")
          .append(Arrays.toString(((BatchUpdateException) t).getLargeUpdateCounts()));
    }
    String message = t.getMessage();
    if (message != null) {
      text.append(": ").append(CONNECTION_ID.matcher(message).replaceAll(""));
    }
    return text.toString();
  }
}
