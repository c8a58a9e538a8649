package io.querylens.jdbc.internal;

/**
 * Reads a server URL after its {@code //}: user-info, hosts, path, properties. User-info (before
 * the last {@code @} of the hosts part, but for {@code @} inside MySQL's key=value groups) is
 * hidden. The hosts are believed only when the URL leaves no doubt that they are hosts; otherwise
 * everything after {@code //} is hidden and no host is told. Doubt comes from an {@code @} after
 * the user-info or after the hosts that is not inside a user name or a secret (a password holding
 * {@code /}, {@code ?} or {@code ;} may have cut the user-info short), and, where the grammar has
 * user-info, from an {@code @} after the hosts that is followed by what reads as a host.
 */
final class ServerUrl {
  private ServerUrl() {}

  /**
   * Reads {@code text} into {@code out}; false when the hosts cannot be read beyond doubt, and
   * everything was hidden.
   */
  static boolean read(String text, Grammar grammar, int defaultPort, ParsedUrl out) {
    int mark = out.mark();
    int end = UrlChars.indexOfAny(text, grammar.hostsEnd, 0);
    String authority = text.substring(0, end);
    int at = userInfoEnd(authority, grammar);
    Hosts hosts = Hosts.read(authority.substring(at + 1), grammar);
    boolean doubt =
        hosts == null
            || (at >= 0 && (!grammar.atInHostsIsUserInfo() || text.indexOf('@', at + 1) >= 0))
            || hostAfterLastAt(text, end, grammar);
    if (doubt) {
      out.mask();
      return false;
    }
    if (at >= 0) {
      out.mask();
      out.show("@");
    }
    out.show(hosts.shown.toString());
    out.stopped = hosts.stopped;
    if (!out.stopped) {
      UrlTail.read(text.substring(end), grammar, false, out);
    }
    if (out.strayAt) {
      out.maskFrom(mark);
      return false;
    }
    if (hosts.host != null) {
      out.host = hosts.host;
      out.port = hosts.port > 0 || hosts.instance ? hosts.port : defaultPort;
    }
    return true;
  }

  /**
   * Whether, where the grammar has user-info, text after the hosts holds an {@code @} followed by
   * what reads as a host: then the user-info may run up to that {@code @}.
   */
  private static boolean hostAfterLastAt(String text, int hostsEnd, Grammar grammar) {
    int last = text.lastIndexOf('@');
    if (!grammar.hasUserInfo() || last < hostsEnd) {
      return false;
    }
    String after = text.substring(last + 1);
    Hosts hosts =
        Hosts.read(after.substring(0, UrlChars.indexOfAny(after, grammar.hostsEnd, 0)), grammar);
    return hosts != null && hosts.host != null;
  }

  /**
   * Where the user-info ends: at the last {@code @}, or, where hosts may be key=value groups, the
   * last one before the first group ({@code (host=h,user=a@b)} has none); -1 without user-info.
   */
  private static int userInfoEnd(String authority, Grammar grammar) {
    int group = grammar.hostGroups() ? authority.indexOf('(') : -1;
    return group < 0 ? authority.lastIndexOf('@') : authority.lastIndexOf('@', group);
  }
}
