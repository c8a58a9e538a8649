package io.querylens.jdbc.internal;

import java.util.Set;

/**
 * Reads the key=value groups in parentheses that MySQL and MariaDB accept as a host ({@code
 * address=(host=h)(port=3306)}, {@code (host=h,port=3306,user=u)}) and Oracle as a connect
 * descriptor ({@code (DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))}).
 * It shows the structure and the host, port, protocol and service, and hides every other value; at
 * a secret it stops, since the secret may hold a parenthesis.
 */
final class KeyValueGroups {
  private static final Set<String> SHOWN_KEYS =
      Set.of("protocol", "type", "servicename", "sid", "server", "instancename");
  private static final Set<String> SERVICE_KEYS = Set.of("servicename", "sid");

  /** Deeper nesting is refused rather than read (real descriptors nest four or five deep). */
  private static final int MAX_DEPTH = 16;

  private final String text;
  private int pos;
  private int depth;
  final StringBuilder shown = new StringBuilder();

  /** The first address's host, or null. */
  String host;

  /** The first address's port, or -1. */
  int port = -1;

  /** The first service name or SID (Oracle's database), or null. */
  String service;

  /** A secret was met: the text after it was not read. */
  boolean stopped;

  private KeyValueGroups(String text) {
    this.text = text;
  }

  /** The groups {@code text} consists of, or null when it is anything else. */
  static KeyValueGroups read(String text) {
    KeyValueGroups groups = new KeyValueGroups(text);
    Address top = new Address();
    boolean read = groups.peek() == '(' ? groups.groups() : groups.pair(top);
    groups.adopt(top);
    return read && (groups.stopped || groups.pos == text.length()) ? groups : null;
  }

  /** The host and port of the pairs in one run of groups, such as an {@code ADDRESS}'s. */
  private static final class Address {
    String host;
    int port = -1;
  }

  private boolean groups() {
    if (++depth > MAX_DEPTH) {
      return false;
    }
    Address here = new Address();
    do {
      if (!group(here)) {
        return false;
      }
      skipSpaces();
    } while (!stopped && peek() == '(');
    adopt(here);
    depth--;
    return true;
  }

  private boolean group(Address here) {
    pos++;
    shown.append('(');
    while (pair(here) && !stopped) {
      skipSpaces();
      if (peek() == ')') {
        pos++;
        shown.append(')');
        return true;
      }
      if (peek() != ',') {
        return false;
      }
      pos++;
      shown.append(',');
    }
    return stopped;
  }

  private boolean pair(Address here) {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && UrlChars.isWordChar(text.charAt(pos))) {
      pos++;
    }
    String key = text.substring(start, pos);
    skipSpaces();
    if (key.isEmpty() || peek() != '=') {
      return false;
    }
    pos++;
    shown.append(key).append('=');
    skipSpaces();
    if (peek() == '(') {
      return groups();
    }
    String value = value();
    if (value == null) {
      return false;
    }
    return leaf(SecretKeys.normalized(key), key, value, here);
  }

  private boolean leaf(String k, String key, String value, Address here) {
    if (SecretKeys.isSecret(key)) {
      shown.append(ParsedUrl.MASK);
      stopped = true;
    } else if (k.equals("host")) {
      if (!UrlChars.isWord(value) && !UrlChars.isBracketedIpv6(value)) {
        return false;
      }
      here.host = here.host == null ? value : here.host;
      shown.append(value);
    } else if (k.equals("port")) {
      int p = UrlChars.port(value);
      if (p < 0) {
        return false;
      }
      here.port = here.port < 0 ? p : here.port;
      shown.append(value);
    } else if (SHOWN_KEYS.contains(k) && UrlChars.isValue(value)) {
      shown.append(value);
      if (service == null && SERVICE_KEYS.contains(k) && UrlChars.isName(value)) {
        service = value;
      }
    } else {
      shown.append(ParsedUrl.MASK);
    }
    return true;
  }

  /** A value up to the next {@code ,} or {@code )}, or in double quotes; null if malformed. */
  private String value() {
    if (peek() == '"') {
      int close = text.indexOf('"', pos + 1);
      if (close < 0) {
        return null;
      }
      String quoted = text.substring(pos + 1, close);
      pos = close + 1;
      skipSpaces();
      return quoted;
    }
    int start = pos;
    while (pos < text.length() && ",)".indexOf(text.charAt(pos)) < 0) {
      if (text.charAt(pos) == '(') {
        return null;
      }
      pos++;
    }
    return text.substring(start, pos).trim();
  }

  private void adopt(Address address) {
    if (host == null && address.host != null) {
      host = address.host;
      port = address.port;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
