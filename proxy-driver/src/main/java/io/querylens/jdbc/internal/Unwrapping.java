package io.querylens.jdbc.internal;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * Answers {@link Wrapper#unwrap} and {@link Wrapper#isWrapperFor} for a QueryLens wrapper as the
 * object it wraps would. Only a question about QueryLens's own wrapper type is answered here; every
 * other one, about a null type or on a closed object too, goes to the delegate, which decides
 * whether to answer or throw. When the delegate unwraps to itself, the wrapper is returned instead,
 * so that the application never holds an object QueryLens does not see behind its back.
 */
final class Unwrapping {
  private Unwrapping() {}

  /**
   * {@code wrapper.unwrap(iface)}, where {@code wrapper} is an instance of {@code own} around
   * {@code delegate}.
   */
  static <T> T unwrap(Wrapper wrapper, Class<?> own, Wrapper delegate, Class<T> iface)
      throws SQLException {
    if (isOwn(wrapper, own, iface)) {
      return iface.cast(wrapper);
    }
    T unwrapped = delegate.unwrap(iface);
    return unwrapped == delegate && iface != null && iface.isInstance(wrapper)
        ? iface.cast(wrapper)
        : unwrapped;
  }

  /** {@code wrapper.isWrapperFor(iface)}, as {@link #unwrap}. */
  static boolean isWrapperFor(Wrapper wrapper, Class<?> own, Wrapper delegate, Class<?> iface)
      throws SQLException {
    return isOwn(wrapper, own, iface) || delegate.isWrapperFor(iface);
  }

  /** Whether {@code iface} is QueryLens's wrapper type {@code own}, or a subclass, and fits. */
  private static boolean isOwn(Wrapper wrapper, Class<?> own, Class<?> iface) {
    return iface != null && own.isAssignableFrom(iface) && iface.isInstance(wrapper);
  }
}
