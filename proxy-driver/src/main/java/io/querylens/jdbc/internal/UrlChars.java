package io.querylens.jdbc.internal;

/**
 * What a part of a JDBC URL may consist of to be shown or believed. Each test admits only the
 * characters its part needs, so that a fragment of a credential (which may hold any character) that
 * ends up in the wrong place is more likely refused than passed on.
 */
final class UrlChars {
  private UrlChars() {}

  /** A host name, IPv4 address, property key or alias: ASCII letters, digits, {@code . _ -}. */
  static boolean isWord(String s) {
    return !s.isEmpty() && only(s, "._-", false);
  }

  /** A scheme or mode of a URL of unknown grammar: a word that may hold {@code +}. */
  static boolean isScheme(String s) {
    return !s.isEmpty() && only(s, "._-+", false);
  }

  /** A character of a {@linkplain #isWord word}. */
  static boolean isWordChar(char c) {
    return isAsciiLetterOrDigit(c) || "._-".indexOf(c) >= 0;
  }

  /** An IPv6 literal in brackets, with an optional zone: {@code [::1]}, {@code [fe80::1%eth0]}. */
  static boolean isBracketedIpv6(String s) {
    if (s.length() < 4 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
      return false;
    }
    String inner = s.substring(1, s.length() - 1);
    int zone = inner.indexOf('%');
    String address = zone < 0 ? inner : inner.substring(0, zone);
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return false;
      }
    }
    return address.indexOf(':') >= 0 && (zone < 0 || isWord(inner.substring(zone + 1)));
  }

  /** The port {@code s} names (1 to 65535, at most five digits), or -1. */
  static int port(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return -1;
    }
    int port = 0;
    for (int i = 0; i < s.length(); i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      port = port * 10 + digit;
    }
    return port > 0 && port < 65536 ? port : -1;
  }

  /** A property value that may be shown: ASCII letters, digits, {@code . _ - /}, or nothing. */
  static boolean isValue(String s) {
    return only(s, "._-/", false);
  }

  /** A database name: letters and digits of any script, {@code . _ - $ ~ /}. */
  static boolean isName(String s) {
    return !s.isEmpty() && only(s, "._-$~/", true);
  }

  /** A database path that may be shown: a name's characters and {@code : \ !}. */
  static boolean isPath(String s) {
    return only(s, "._-$~/:\\!", true);
  }

  /**
   * The first index at or after {@code from} of any of {@code chars} in {@code s}, or its length.
   */
  static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean only(String s, String punctuation, boolean anyScript) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letterOrDigit = anyScript ? Character.isLetterOrDigit(c) : isAsciiLetterOrDigit(c);
      if (!letterOrDigit && punctuation.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
