package io.querylens.jdbc.internal;

/**
 * What reading a JDBC URL has found so far: the text that may be shown, with {@code ***} where
 * something was hidden, and the host, port and database name it is sure of.
 */
final class ParsedUrl {
  static final String MASK = "***";

  private final StringBuilder shown = new StringBuilder();
  String host;
  int port = -1;
  String namespace;

  /**
   * A secret was met whose end cannot be told (it may hold the separator that follows it): nothing
   * after it is shown or believed.
   */
  boolean stopped;

  /** An {@code @} outside a user name or secret: the host may have been read from user-info. */
  boolean strayAt;

  void show(String text) {
    shown.append(text);
  }

  /** Shows {@code text} if it passed its test, else {@code ***}. */
  void showIf(boolean safe, String text) {
    if (safe) {
      show(text);
    } else {
      mask();
    }
  }

  void mask() {
    int length = shown.length();
    if (length < MASK.length() || !shown.substring(length - MASK.length()).equals(MASK)) {
      shown.append(MASK);
    }
  }

  /** Where the text ends now, for {@link #maskFrom}. */
  int mark() {
    return shown.length();
  }

  /** Replaces everything shown since {@code mark} with {@code ***} and forgets host and name. */
  void maskFrom(int mark) {
    shown.setLength(mark);
    mask();
    host = null;
    port = -1;
    namespace = null;
  }

  /** Appends what {@code other} shows, and takes what it found. */
  void append(ParsedUrl other) {
    shown.append(other.shown);
    host = other.host;
    port = other.port;
    namespace = other.namespace;
    stopped = other.stopped;
  }

  String shown() {
    return shown.toString();
  }
}
