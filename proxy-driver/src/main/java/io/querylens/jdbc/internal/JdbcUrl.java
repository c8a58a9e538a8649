package io.querylens.jdbc.internal;

import io.querylens.core.Database;

/**
 * A JDBC URL read for the two things QueryLens takes from it: the {@link Database} it names, and a
 * text of it that may be shown. Both come from one reading that fails closed: a host, port or
 * database name is told only when the grammar leaves no doubt that it is one, and the shown text
 * keeps only the scheme and the parts that passed their tests, with {@code ***} for user-info,
 * Oracle's {@code user/password@}, the values of properties whose keys name a user or a secret,
 * everything after such a secret (it may hold the separator), and whatever could not be read.
 * Internal: public only for the driver.
 */
public final class JdbcUrl {
  private static final String PREFIX = "jdbc:";
  private static final String WRAPPED = "querylens:";

  private final Database database;
  private final String redacted;

  private JdbcUrl(Database database, String redacted) {
    this.database = database;
    this.redacted = redacted;
  }

  /**
   * {@code url} fit to show in a message: {@code jdbc:mysql://u:p@db/shop?password=p&ssl=true}
   * becomes {@code jdbc:mysql://***@db/shop?password=***}; null for null.
   */
  public static String redact(String url) {
    return parse(url).redacted;
  }

  /**
   * The real URL behind a QueryLens URL: {@code jdbc:querylens:h2:mem:x} and {@code
   * jdbc:querylens:jdbc:h2:mem:x} are both {@code jdbc:h2:mem:x}; any other URL is itself.
   */
  public static String unwrapped(String url) {
    if (!startsWith(url, 0, PREFIX) || !startsWith(url, PREFIX.length(), WRAPPED)) {
      return url;
    }
    int real = PREFIX.length() + WRAPPED.length();
    real += startsWith(url, real, PREFIX) ? PREFIX.length() : 0;
    return PREFIX + url.substring(real);
  }

  /** Reads {@code url}; never throws. */
  static JdbcUrl parse(String url) {
    if (url == null) {
      return new JdbcUrl(Database.UNKNOWN, null);
    }
    try {
      return read(url);
    } catch (RuntimeException e) { // a fault in reading: tell and show nothing
      return new JdbcUrl(Database.UNKNOWN, ParsedUrl.MASK);
    }
  }

  /** The database {@code url} names: system, and host, port and name when certain. */
  Database database() {
    return database;
  }

  private static JdbcUrl read(String url) {
    if (!startsWith(url, 0, PREFIX)) {
      return new JdbcUrl(Database.UNKNOWN, ParsedUrl.MASK);
    }
    int real = PREFIX.length();
    ParsedUrl out = new ParsedUrl();
    if (startsWith(url, real, WRAPPED)) { // jdbc:querylens:[jdbc:]<real url>
      real += WRAPPED.length();
      real += startsWith(url, real, PREFIX) ? PREFIX.length() : 0;
      out.show(PREFIX + WRAPPED);
    } else {
      out.show(url.substring(0, real));
    }
    String rest = url.substring(real);
    Vendor vendor = Vendor.of(rest);
    vendor.read(rest, out);
    Database database =
        new Database(vendor.systemName, out.namespace, out.host, out.host == null ? -1 : out.port);
    return new JdbcUrl(database, out.shown());
  }

  private static boolean startsWith(String s, int at, String prefix) {
    return s.regionMatches(true, at, prefix, 0, prefix.length());
  }
}
