package io.querylens.jdbc.internal.serverstats;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection that notes every text value read from its result sets, to check what was read. */
final class StringsRead {
  private final List<String> values = new CopyOnWriteArrayList<>();

  List<String> values() {
    return values;
  }

  /** {@code connection}, with the texts its result sets give noted. */
  Connection wrap(Connection connection) {
    return (Connection) proxy(Connection.class, connection);
  }

  private Object proxy(Class<?> type, Object target) {
    InvocationHandler handler =
        (p, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          Class<?> returned = method.getReturnType();
          if (result != null
              && (returned == ResultSet.class || Statement.class.isAssignableFrom(returned))) {
            return proxy(returned, result);
          }
          if (target instanceof ResultSet && result instanceof String text) {
            values.add(text);
          }
          return result;
        };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
