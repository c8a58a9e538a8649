package io.querylens.agent.internal;

import java.sql.Connection;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into every {@code DataSource.getConnection} and {@code Driver.connect}: it only
 * calls {@link Acquires}. Byte Buddy suppresses whatever it throws, so the application's return
 * value and exception pass unchanged except that the connection is wrapped.
 */
final class ConnectionAdvice {
  private ConnectionAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter() {
    Acquires.enter();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Return(readOnly = false) Connection connection, @Advice.Thrown Throwable thrown) {
    connection = Acquires.exit(connection, thrown);
  }
}
