package io.querylens.jdbc.internal;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to print: credentials in them are replaced by {@code ***}. */
public final class JdbcUrls {
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)((?:password|passwd|pwd|user|username|secret|token)=)[^&;:,)]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  private JdbcUrls() {}

  /** {@code url} with user names and passwords masked. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String masked = CREDENTIAL.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("//***@");
  }
}
