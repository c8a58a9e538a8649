package io.querylens.core;

/**
 * An explicit unit of work, the scope in which N+1 and the other findings are judged: {@code try
 * (UnitOfWork unit = QueryLens.unitOfWork("nightly export")) { ... }}. Scopes nest on a thread; the
 * outermost one is the unit. Close it on the thread that opened it.
 */
public interface UnitOfWork extends AutoCloseable {
  /** The name reports show for this unit. */
  String name();

  /** Ends the scope; ending the outermost scope ends the unit. Never throws. */
  @Override
  void close();
}
