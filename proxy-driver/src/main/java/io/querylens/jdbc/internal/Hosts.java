package io.querylens.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hosts of a server URL, between the user-info and the path: {@code host}, {@code
 * host:port}, {@code [::1]:port}, lists of them separated by commas, SQL Server's {@code
 * host\instance:port}, MySQL's bracketed lists and key=value groups. Every host must pass its test,
 * or none is believed.
 */
final class Hosts {
  private final Grammar grammar;
  private boolean inBrackets; // MySQL's [h1,h2] lists do not nest
  final StringBuilder shown = new StringBuilder();

  /** The first host, or null when the URL names none. */
  String host;

  /** The first host's port, or -1 when it has none. */
  int port = -1;

  /** Whether the first host names a SQL Server instance, whose port is found at run time. */
  boolean instance;

  /** A secret was met in a key=value group: the text after it was not read. */
  boolean stopped;

  private Hosts(Grammar grammar) {
    this.grammar = grammar;
  }

  /** The hosts {@code text} names, or null when it is anything but hosts. */
  static Hosts read(String text, Grammar grammar) {
    Hosts hosts = new Hosts(grammar);
    return text.isEmpty() || hosts.list(text) ? hosts : null;
  }

  private boolean list(String text) {
    List<String> elements = split(text);
    for (int i = 0; i < elements.size() && !stopped; i++) {
      if (i > 0) {
        shown.append(',');
      }
      if (!element(elements.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean element(String e) {
    if (e.isEmpty()) {
      return false;
    }
    if (e.charAt(0) == '[') {
      int close = e.indexOf(']');
      String bracketed = close < 0 ? "" : e.substring(0, close + 1);
      if (UrlChars.isBracketedIpv6(bracketed)) {
        return hostAndPort(bracketed, e.substring(close + 1));
      }
      if (!grammar.hostGroups() || close != e.length() - 1 || inBrackets) {
        return false;
      }
      inBrackets = true;
      shown.append('[');
      boolean read = list(e.substring(1, close));
      shown.append(stopped ? "" : "]");
      inBrackets = false;
      return read;
    }
    if (grammar.hostGroups() && (e.charAt(0) == '(' || e.indexOf('=') >= 0)) {
      KeyValueGroups groups = KeyValueGroups.read(e);
      if (groups == null) {
        return false;
      }
      shown.append(groups.shown);
      found(groups.host, groups.port, false);
      stopped = groups.stopped;
      return true;
    }
    int colon = e.indexOf(':');
    return colon < 0 ? hostAndPort(e, "") : hostAndPort(e.substring(0, colon), e.substring(colon));
  }

  /** {@code name} (a host, maybe with an instance) and {@code rest}: empty or {@code :port}. */
  private boolean hostAndPort(String name, String rest) {
    String host = name;
    String instance = null;
    int backslash = name.indexOf('\\');
    if (backslash >= 0 && grammar.instanceNames()) {
      host = name.substring(0, backslash);
      instance = name.substring(backslash + 1);
    }
    boolean valid =
        (UrlChars.isWord(host) || UrlChars.isBracketedIpv6(host))
            && (instance == null || UrlChars.isWord(instance));
    int p = rest.startsWith(":") ? UrlChars.port(rest.substring(1)) : -1;
    if (!valid || (!rest.isEmpty() && p < 0)) {
      return false;
    }
    shown.append(name).append(rest);
    found(host, p, instance != null);
    return true;
  }

  private void found(String h, int p, boolean named) {
    if (host == null && h != null) {
      host = h;
      port = p;
      instance = named;
    }
  }

  /** {@code text} split at the commas outside parentheses and brackets. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
