package io.querylens.jdbc.internal;

/**
 * Reads the properties at the end of a JDBC URL ({@code user=u&password=p}, {@code
 * USER=u;PASSWORD=p}) into a {@link ParsedUrl}. Keys are shown when they are plain words; values
 * only when they are plain and their key is a plain word that names neither a secret nor a user. A
 * secret's value may hold the separator, even inside SQL Server's braces (a lone closing brace
 * there is a mistake no driver reports), so nothing after it is shown or believed; nor is a key
 * without a value, which may be the end of one.
 */
final class UrlProperties {
  private final String text;
  private final Grammar grammar;
  private final ParsedUrl out;
  private int pos;

  private UrlProperties(String text, Grammar grammar, ParsedUrl out) {
    this.text = text;
    this.grammar = grammar;
    this.out = out;
  }

  /** Reads {@code text}, the properties after their start character, into {@code out}. */
  static void read(String text, Grammar grammar, ParsedUrl out) {
    UrlProperties properties = new UrlProperties(text, grammar, out);
    while (properties.property() && properties.pos < text.length()) {
      out.show(String.valueOf(grammar.separator));
      properties.pos++;
    }
  }

  /** Reads one property; false when nothing after it may be read. */
  private boolean property() {
    int end = next(grammar.separator, pos);
    int eq = next('=', pos);
    if (eq >= end) { // a key without a value
      String key = text.substring(pos, end);
      pos = end;
      out.strayAt |= key.indexOf('@') >= 0;
      out.showIf(key.isEmpty(), key); // perhaps the end of a value that held the separator
      return true;
    }
    String key = text.substring(pos, eq);
    boolean plainKey = UrlChars.isWord(key);
    out.showIf(plainKey, key);
    out.show("=");
    pos = eq + 1;
    end = next(grammar.separator, pos);
    String value = text.substring(pos, end);
    pos = end;
    boolean secret = SecretKeys.isSecret(key);
    boolean user = SecretKeys.isUserName(key);
    out.strayAt |= !secret && !user && value.indexOf('@') >= 0;
    if (secret || user || !plainKey) {
      out.mask();
      out.stopped = secret;
      return !secret;
    }
    out.showIf(UrlChars.isValue(value), value);
    if (out.namespace == null
        && grammar.isNamespaceKey(SecretKeys.normalized(key))
        && UrlChars.isName(value)) {
      out.namespace = value;
    }
    return true;
  }

  private int next(char c, int from) {
    int i = text.indexOf(c, from);
    return i < 0 ? text.length() : i;
  }
}
