package io.querylens.core.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class KeywordsTest {
  @Test
  void eachConstantIndexesItsOwnName() throws IllegalAccessException {
    int constants = 0;
    for (Field f : Keywords.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (f.getType() == int.class && Modifier.isStatic(m) && !Modifier.isPrivate(m)) {
        assertThat(Keywords.NAMES[f.getInt(null)]).isEqualTo(f.getName());
        constants++;
      }
    }
    assertThat(constants).isGreaterThan(20);
    assertThat(Keywords.NAMES.length).isLessThanOrEqualTo(64); // sets are longs
  }

  @Test
  void findsEveryKeywordInAnyCaseAndNothingElse() {
    for (int id = 0; id < Keywords.NAMES.length; id++) {
      String k = Keywords.NAMES[id];
      String mixed = k.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + k.substring(1);
      assertThat(Keywords.of("(" + k + ")", 1, k.length() + 1)).isEqualTo(id);
      assertThat(Keywords.of(mixed, 0, k.length())).isEqualTo(id);
      assertThat(Keywords.of(k + "x", 0, k.length() + 1)).isEqualTo(-1);
      assertThat(Keywords.of(k.replace('E', '\u00e5'), 0, k.length()))
          .isEqualTo(k.indexOf('E') < 0 ? id : -1);
    }
  }

  @Test
  void findsKeywordsInAnyCase() {
    assertThat(Keywords.of("x from y", 2, 6)).isEqualTo(Keywords.FROM);
    assertThat(Keywords.of("FrOm", 0, 4)).isEqualTo(Keywords.FROM);
    assertThat(Keywords.of("fromage", 0, 7)).isEqualTo(-1);
    assertThat(Keywords.in(Keywords.setOf(Keywords.JOIN, Keywords.INTO), Keywords.INTO)).isTrue();
    assertThat(Keywords.in(Keywords.setOf(Keywords.JOIN), -1)).isFalse();
  }
}
