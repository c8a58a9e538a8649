package io.querylens.jdbc.internal;

import java.util.Locale;

/**
 * Reads what follows {@code jdbc:oracle:thin:}: {@code [user/password]@} and a connect identifier
 * ({@code host:port:SID}, {@code //host:port/service}, {@code host:port/service}, {@code
 * tcps://host:port/service?key=value}, a descriptor in parentheses or a TNS alias). A password may
 * hold {@code @} (quoted or not), and so may a secret among the connect identifier's properties:
 * the text after each {@code @} is tried as a connect identifier, and only when exactly one reads
 * as one is it believed and shown, and everything before it hidden.
 */
final class OracleUrl {
  /** More {@code @} than this and nothing is tried: reading costs time per {@code @}. */
  private static final int MAX_TRIES = 16;

  private OracleUrl() {}

  static void read(String body, int defaultPort, ParsedUrl out) {
    ParsedUrl found = null;
    int foundAt = -1;
    int tries = 0;
    for (int at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
      if (++tries > MAX_TRIES) {
        found = null;
        break;
      }
      ParsedUrl reading = new ParsedUrl();
      if (connect(body.substring(at + 1), defaultPort, reading)) {
        if (found != null) { // two readings: either may be a credential's end
          found = null;
          break;
        }
        found = reading;
        foundAt = at;
      }
    }
    if (found == null) {
      if (!body.isEmpty()) {
        out.mask();
      }
      return;
    }
    if (foundAt > 0) {
      out.mask();
    }
    out.show("@");
    out.append(found);
  }

  /** Reads a connect identifier into {@code out}; false when it is not one. */
  private static boolean connect(String connect, int defaultPort, ParsedUrl out) {
    int scheme = connect.indexOf("://");
    if (connect.startsWith("(")) {
      return descriptor(connect, defaultPort, out);
    }
    if (connect.startsWith("//")) {
      out.show("//");
      return ServerUrl.read(connect.substring(2), Grammar.ORACLE, defaultPort, out);
    }
    if (scheme > 0) {
      String protocol = connect.substring(0, scheme).toLowerCase(Locale.ROOT);
      out.show(connect.substring(0, scheme + 3));
      if (protocol.equals("ldap") || protocol.equals("ldaps")) {
        out.mask(); // names a directory, not the database's host
        return true;
      }
      return (protocol.equals("tcp") || protocol.equals("tcps"))
          && ServerUrl.read(connect.substring(scheme + 3), Grammar.ORACLE, defaultPort, out);
    }
    String[] sid = connect.split(":", -1);
    if (sid.length == 3 && connect.indexOf('/') < 0 && connect.indexOf('?') < 0) {
      return sid(sid, out);
    }
    if (connect.indexOf(':') >= 0 || connect.indexOf('/') >= 0) {
      return ServerUrl.read(connect, Grammar.ORACLE, defaultPort, out);
    }
    out.show(connect); // an alias
    return UrlChars.isWord(connect);
  }

  /** Reads {@code host:port:SID}. */
  private static boolean sid(String[] parts, ParsedUrl out) {
    int port = UrlChars.port(parts[1]);
    if (!UrlChars.isWord(parts[0]) || port < 0 || !UrlChars.isName(parts[2])) {
      return false;
    }
    out.show(String.join(":", parts));
    out.host = parts[0];
    out.port = port;
    out.namespace = parts[2];
    return true;
  }

  private static boolean descriptor(String connect, int defaultPort, ParsedUrl out) {
    KeyValueGroups descriptor = KeyValueGroups.read(connect);
    if (descriptor == null) {
      return false;
    }
    out.show(descriptor.shown.toString());
    if (descriptor.host != null) {
      out.host = descriptor.host;
      out.port = descriptor.port > 0 ? descriptor.port : defaultPort;
    }
    out.namespace = descriptor.service;
    return true;
  }
}
