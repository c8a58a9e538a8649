package io.querylens.jdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallSiteTest {
  @Test
  void markRecordsTheLineOfTheCallAndReturnsItsTarget() {
    CallSite site = new CallSite("test");
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    String same = site.mark("target");

    assertThat(same).isEqualTo("target");
    assertThat(site.fileAndLine()).isEqualTo("CallSiteTest.java:" + line);
    assertThat(site.frame())
        .isEqualTo(
            getClass().getName()
                + ".markRecordsTheLineOfTheCallAndReturnsItsTarget(CallSiteTest.java:"
                + line
                + ")");
  }

  @Test
  void markingOneSiteFromTwoLinesIsAScenarioBug() {
    CallSite site = new CallSite("test");
    site.mark(1);

    assertThatThrownBy(() -> site.mark(2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSiteNeverReachedSaysSo() {
    CallSite site = new CallSite("unreached");

    assertThat(site.isKnown()).isFalse();
    assertThat(site.fileAndLine()).contains("never reached");
  }
}
