package io.querylens.jdbc.internal;

import java.util.Locale;

/**
 * Tells whether a URL property's key names a secret or a user name, read the way a person would
 * read it: percent-decoded, ignoring case and everything but letters, so that {@code %70assword},
 * {@code Password 2} and {@code javax.net.ssl.trustStorePassword} all name a secret. It errs on the
 * side of secrecy: {@code allowPublicKeyRetrieval} counts as one.
 */
final class SecretKeys {
  private static final String[] SECRET_PARTS = {
    "pass", "pw", "secret", "token", "key", "cred", "auth", "private", "bearer", "jwt", "sig"
  };
  private static final String[] USER_NAMES = {"userid", "uid", "login", "principal"};

  private SecretKeys() {}

  /** Whether the value of {@code key} may be a password, a key or another secret. */
  static boolean isSecret(String key) {
    String k = normalized(key);
    for (String part : SECRET_PARTS) {
      if (k.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the value of {@code key} is a user name ({@code user}, {@code sslUser}, {@code UID}).
   */
  static boolean isUserName(String key) {
    String k = normalized(key);
    if (k.endsWith("user") || k.endsWith("username")) {
      return true;
    }
    for (String name : USER_NAMES) {
      if (k.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The letters of {@code key}, lower case, after percent-decoding it until it stops changing. */
  static String normalized(String key) {
    String decoded = key;
    for (int round = 0; round < 4 && decoded.indexOf('%') >= 0; round++) {
      String next = percentDecoded(decoded);
      if (next.equals(decoded)) {
        break;
      }
      decoded = next;
    }
    StringBuilder letters = new StringBuilder(decoded.length());
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (Character.isLetter(c)) {
        letters.append(c);
      }
    }
    return letters.toString().toLowerCase(Locale.ROOT);
  }

  private static String percentDecoded(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int hex = c == '%' && i + 2 < s.length() ? hexByte(s, i + 1) : -1;
      if (hex >= 0) {
        out.append((char) hex);
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hexByte(String s, int at) {
    int high = Character.digit(s.charAt(at), 16);
    int low = Character.digit(s.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
