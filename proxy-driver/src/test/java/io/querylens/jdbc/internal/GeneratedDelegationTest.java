package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.core.intercept.ParameterHash;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated {@code Delegating*} bases (decision 0025), method by method: what no database can
 * show, that each generated method a wrapper does not override (609 of them) calls the same method
 * of the wrapped object with the same arguments in the same order, hands its result back (a
 * metadata cursor wrapped), and lets its exception through as the same object; and that the
 * generated setters bind their value's hash after the driver's call, as the hand-written ones did.
 * The wrapped object is a recording {@link Proxy}; behaviour against real drivers is the
 * conformance suites' job. The hand-written intercepted methods are not called here.
 */
class GeneratedDelegationTest {

  /** What the recording delegate saw last. */
  static final class Seen {
    Method method;
    Object[] args;
    Object returned;
    Throwable thrown;
  }

  static Stream<Arguments> wrappers() {
    return Stream.of(
        Arguments.of(Connection.class, wrapper((Connection c) -> new QueryLensConnection(c, null))),
        Arguments.of(
            Statement.class, wrapper((Statement s) -> new QueryLensStatement<>(s, connection()))),
        Arguments.of(
            PreparedStatement.class,
            wrapper(
                (PreparedStatement s) -> new QueryLensPreparedStatement<>(s, connection(), null))),
        Arguments.of(
            CallableStatement.class,
            wrapper(
                (CallableStatement s) -> new QueryLensCallableStatement(s, connection(), null))),
        Arguments.of(
            ResultSet.class, wrapper((ResultSet r) -> new QueryLensResultSet(r, connection()))),
        Arguments.of(
            DatabaseMetaData.class,
            wrapper((DatabaseMetaData m) -> new QueryLensDatabaseMetaData(m, connection()))));
  }

  static <T> Function<Object, Object> wrapper(Function<T, Object> make) {
    @SuppressWarnings("unchecked")
    Function<Object, Object> f = d -> make.apply((T) d);
    return f;
  }

  static QueryLensConnection connection() {
    return new QueryLensConnection(
        (Connection) recording(Connection.class, new Seen(), false), null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void everyGeneratedMethodPassesItsArgumentsAndResultThrough(
      Class<?> jdbc, Function<Object, Object> wrap) throws Exception {
    Seen seen = new Seen();
    Object wrapper = wrap.apply(recording(jdbc, seen, false));
    List<Method> generated = generatedMethods(jdbc, wrapper.getClass());
    assertThat(generated).isNotEmpty();
    for (Method m : generated) {
      Object[] args = arguments(m);
      seen.method = null;
      Object result = m.invoke(wrapper, args);
      assertThat(seen.method).as("%s reached the delegate", m).isEqualTo(m);
      assertThat(seen.args == null ? new Object[0] : seen.args)
          .as("arguments of %s", m)
          .containsExactly(args);
      if (m.getReturnType() != void.class) {
        if (jdbc == DatabaseMetaData.class && m.getReturnType() == ResultSet.class) {
          assertThat(result).as("result of %s", m).isInstanceOf(QueryLensResultSet.class);
          assertThat(((QueryLensResultSet) result).delegate)
              .as("cursor of %s", m)
              .isSameAs(seen.returned);
        } else if (m.getReturnType().isPrimitive()) {
          assertThat(result).as("result of %s", m).isEqualTo(seen.returned);
        } else {
          assertThat(result).as("result of %s", m).isSameAs(seen.returned);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void everyGeneratedMethodRethrowsTheDriversExceptionAsTheSameObject(
      Class<?> jdbc, Function<Object, Object> wrap) throws Exception {
    Seen seen = new Seen();
    Object wrapper = wrap.apply(recording(jdbc, seen, true));
    for (Method m : generatedMethods(jdbc, wrapper.getClass())) {
      Object[] args = arguments(m);
      assertRethrows(m, wrapper, args, seen);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrappers")
  void noGeneratedMethodOverridesAHandWrittenOne(Class<?> jdbc, Function<Object, Object> wrap) {
    Object wrapper = wrap.apply(recording(jdbc, new Seen(), false));
    for (Class<?> c = wrapper.getClass(); c != Object.class; c = c.getSuperclass()) {
      if (!isGenerated(c)) {
        continue;
      }
      for (Method m : c.getDeclaredMethods()) {
        for (Class<?> above = c.getSuperclass();
            above != Object.class;
            above = above.getSuperclass()) {
          assertThat(Arrays.stream(above.getDeclaredMethods()).filter(o -> sameSignature(o, m)))
              .as("%s overrides %s", m, above)
              .isEmpty();
        }
      }
    }
  }

  static Stream<Arguments> statements() {
    return wrappers()
        .filter(
            a -> a.get()[0] == PreparedStatement.class || a.get()[0] == CallableStatement.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void everyGeneratedSetterBindsItsValueAfterTheDriversCall(
      Class<?> jdbc, Function<Object, Object> wrap) throws Exception {
    Seen seen = new Seen();
    List<Method> setters = generatedSetters(jdbc, wrap);
    assertThat(setters).hasSize(jdbc == PreparedStatement.class ? 50 : 50 + 47);
    for (Method m : setters) {
      QueryLensPreparedStatement<?> wrapper =
          (QueryLensPreparedStatement<?>) wrap.apply(recording(jdbc, seen, false));
      Object[] args = arguments(m);
      seen.method = null;
      m.invoke(wrapper, args);
      assertThat(seen.method).as("%s reached the delegate", m).isEqualTo(m);
      assertThat(wrapper.parameterHash(null))
          .as("parameter hash after %s", m)
          .isEqualTo(ParameterHash.bind(position(args[0]), valueHash(m, args)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void aGeneratedSetterWhoseDriverThrowsBindsNothing(Class<?> jdbc, Function<Object, Object> wrap)
      throws Exception {
    Seen seen = new Seen();
    for (Method m : generatedSetters(jdbc, wrap)) {
      QueryLensPreparedStatement<?> wrapper =
          (QueryLensPreparedStatement<?>) wrap.apply(recording(jdbc, seen, true));
      Object[] args = arguments(m);
      assertRethrows(m, wrapper, args, seen);
      assertThat(wrapper.parameterHash(null)).as("parameter hash after %s", m).isZero();
    }
  }

  /** Calls {@code m} and checks that it throws what the delegate threw, as the same object. */
  static void assertRethrows(Method m, Object wrapper, Object[] args, Seen seen) {
    assertThatThrownBy(
            () -> {
              try {
                m.invoke(wrapper, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            })
        .as("exception of %s", m)
        .isSameAs(seen.thrown);
  }

  /** The generated methods of {@code jdbc}'s wrapper that set a parameter. */
  static List<Method> generatedSetters(Class<?> jdbc, Function<Object, Object> wrap)
      throws Exception {
    Object wrapper = wrap.apply(recording(jdbc, new Seen(), false));
    List<Method> setters = new ArrayList<>();
    for (Method m : generatedMethods(jdbc, wrapper.getClass())) {
      if (m.getName().startsWith("set")
          && (m.getDeclaringClass() == PreparedStatement.class
              || m.getDeclaringClass() == CallableStatement.class)) {
        setters.add(m);
      }
    }
    return setters;
  }

  /** The position a setter binds: its index, or its name's hash. */
  static int position(Object parameter) {
    return parameter instanceof Integer i ? i : parameter.hashCode();
  }

  /**
   * The hash the hand-written setters took: {@code ParameterHash.NULL} for {@code setNull}, else
   * the {@code ParameterHash.of} overload Java chooses for the value's declared type.
   */
  static long valueHash(Method setter, Object[] args) {
    if (setter.getName().equals("setNull")) {
      return ParameterHash.NULL;
    }
    Class<?> type = setter.getParameterTypes()[1];
    Object x = args[1];
    if (type == boolean.class) {
      return ParameterHash.of((boolean) x);
    }
    if (type == float.class || type == double.class) {
      return ParameterHash.of(((Number) x).doubleValue());
    }
    if (type.isPrimitive()) {
      return ParameterHash.of(((Number) x).longValue());
    }
    return ParameterHash.of(x);
  }

  /** The methods of {@code jdbc} whose implementation in {@code wrapper} is generated. */
  static List<Method> generatedMethods(Class<?> jdbc, Class<?> wrapper) throws Exception {
    List<Method> generated = new ArrayList<>();
    for (Method m : jdbc.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())
          && isGenerated(
              wrapper.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass())) {
        generated.add(m);
      }
    }
    return generated;
  }

  static boolean isGenerated(Class<?> c) {
    return c.getSimpleName().startsWith("Delegating");
  }

  static boolean sameSignature(Method a, Method b) {
    return a.getName().equals(b.getName())
        && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
  }

  /**
   * A delegate of type {@code jdbc} that notes each call in {@code seen} and returns a fresh value
   * of the method's return type, or throws a fresh exception of the type the method declares.
   */
  static Object recording(Class<?> jdbc, Seen seen, boolean fail) {
    return Proxy.newProxyInstance(
        GeneratedDelegationTest.class.getClassLoader(),
        new Class<?>[] {jdbc},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals")
                ? proxy == args[0]
                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "proxy";
          }
          seen.method = method;
          seen.args = args;
          if (fail) {
            Class<?>[] declared = method.getExceptionTypes();
            seen.thrown =
                declared.length == 0
                    ? new IllegalStateException("driver")
                    : (Throwable) declared[0].getConstructor().newInstance();
            throw seen.thrown;
          }
          seen.returned = value(method.getReturnType(), 7);
          return seen.returned;
        });
  }

  static Object[] arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = value(types[i], i + 1);
    }
    return args;
  }

  /** A value of {@code type} distinct for each {@code n}, a new object where one can be made. */
  static Object value(Class<?> type, int n) {
    if (type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return n % 2 == 0;
    }
    if (type == byte.class) {
      return (byte) n;
    }
    if (type == short.class) {
      return (short) n;
    }
    if (type == int.class) {
      return n;
    }
    if (type == long.class) {
      return (long) n;
    }
    if (type == float.class) {
      return (float) n;
    }
    if (type == double.class) {
      return (double) n;
    }
    if (type == String.class) {
      return new String("value " + n);
    }
    if (type.isArray()) {
      return java.lang.reflect.Array.newInstance(type.getComponentType(), n);
    }
    if (type.isInterface()) {
      return recording(type, new Seen(), false);
    }
    if (type == Object.class) {
      return new Object();
    }
    if (type == BigDecimal.class) {
      return BigDecimal.valueOf(n);
    }
    if (type == Calendar.class) {
      return Calendar.getInstance();
    }
    if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[n]);
    }
    if (type == Reader.class) {
      return new StringReader("value " + n);
    }
    if (type == java.sql.Date.class) {
      return new java.sql.Date(n);
    }
    if (type == java.sql.Time.class) {
      return new java.sql.Time(n);
    }
    if (type == java.sql.Timestamp.class) {
      return new java.sql.Timestamp(n);
    }
    return null; // Class, URL: passed through as null
  }
}
