package io.querylens.core.config;

/**
 * The least severe message the agent's own logger prints ({@link ConfigKey#LOG_LEVEL}), least
 * verbose first: a level prints the messages of itself and of every level before it but {@link
 * #OFF}.
 */
public enum LogLevel {
  /** Nothing. */
  OFF,
  ERROR,
  WARN,
  INFO,
  DEBUG;

  /** Whether a threshold of this level prints a message at {@code message}. */
  public boolean prints(LogLevel message) {
    return message != OFF && message.compareTo(this) <= 0;
  }
}
