package io.querylens.core.internal.sql;

/**
 * The stable 64-bit fingerprint of a shape text: 64-bit FNV-1a over the text's UTF-8 bytes, the
 * same in every JVM, release and language. Internal API: not for use outside QueryLens.
 *
 * <p>FNV-1a (Fowler, Noll, Vo; offset basis {@code 0xcbf29ce484222325}, prime {@code
 * 0x100000001b3}) was chosen because anyone can recompute it from the published constants, and
 * hashing UTF-8 rather than Java's UTF-16 lets tools in other languages match our ids. The bytes
 * are produced on the fly, without allocating; an unpaired surrogate counts as U+FFFD. Two texts
 * with the same fingerprint are treated as the same shape; nothing guards against collisions beyond
 * the 64 bits.
 */
public final class Fingerprint {
  static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  static final long PRIME = 0x100000001b3L;

  private Fingerprint() {}

  /** FNV-1a 64 of the UTF-8 encoding of {@code text} (unpaired surrogates as U+FFFD). */
  public static long of(String text) {
    long h = OFFSET_BASIS;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        h = (h ^ c) * PRIME;
      } else if (c < 0x800) {
        h = (h ^ (0xc0 | (c >>> 6))) * PRIME;
        h = (h ^ (0x80 | (c & 0x3f))) * PRIME;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        h = (h ^ (0xf0 | (cp >>> 18))) * PRIME;
        h = (h ^ (0x80 | ((cp >>> 12) & 0x3f))) * PRIME;
        h = (h ^ (0x80 | ((cp >>> 6) & 0x3f))) * PRIME;
        h = (h ^ (0x80 | (cp & 0x3f))) * PRIME;
      } else {
        int cp = Character.isSurrogate(c) ? 0xfffd : c;
        h = (h ^ (0xe0 | (cp >>> 12))) * PRIME;
        h = (h ^ (0x80 | ((cp >>> 6) & 0x3f))) * PRIME;
        h = (h ^ (0x80 | (cp & 0x3f))) * PRIME;
      }
    }
    return h;
  }
}
