package io.querylens.core.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  /** The textbook byte-at-a-time definition, over String.getBytes(UTF_8). */
  private static long referenceFnv1a64(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  @Test
  void matchesPublishedFnv1a64TestVectors() {
    assertThat(Fingerprint.of("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(Fingerprint.of("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(Fingerprint.of("foobar")).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void hashesTheUtf8Encoding() {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(40);
      for (int j = 0; j < len; j++) {
        int bound = random.nextBoolean() ? 0x80 : random.nextBoolean() ? 0x800 : 0x110000;
        int cp = random.nextInt(bound);
        if (cp >= 0xd800 && cp <= 0xdfff) {
          cp = 'x';
        }
        sb.appendCodePoint(cp);
      }
      String s = sb.toString();
      assertThat(Fingerprint.of(s))
          .as("%s", s)
          .isEqualTo(referenceFnv1a64(s.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void unpairedSurrogatesHashAsReplacementCharacter() {
    assertThat(Fingerprint.of("a\uD800b")).isEqualTo(Fingerprint.of("a\uFFFDb"));
    assertThat(Fingerprint.of("\uDC00")).isEqualTo(Fingerprint.of("\uFFFD"));
    assertThat(Fingerprint.of("\uD83D\uDE00")).isNotEqualTo(Fingerprint.of("\uFFFD\uFFFD"));
  }

  @Test
  void stableForAKnownShape() {
    String shape = "SELECT * FROM owners WHERE id = ?";
    assertThat(Fingerprint.of(shape))
        .isEqualTo(referenceFnv1a64(shape.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            SqlNormalizer.shape("SELECT * FROM owners WHERE id = 42", SqlDialect.POSTGRESQL).id())
        .isEqualTo(String.format("%016x", Fingerprint.of(shape)));
  }
}
