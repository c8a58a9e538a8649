package io.querylens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallSiteTextTest {
  private static final String SHOW_OWNER =
      "org.springframework.samples.petclinic.owner.OwnerController.showOwner(OwnerController.java:97)";

  @Test
  void aCallSiteThatFitsIsUnchanged() {
    assertThat(CallSiteText.lines(SHOW_OWNER, 104)).containsExactly(SHOW_OWNER);
  }

  @Test
  void packagesAreAbbreviatedFromTheLeftOnlyAsFarAsNeeded() {
    assertThat(CallSiteText.lines(SHOW_OWNER, 80))
        .containsExactly(
            "o.s.samples.petclinic.owner.OwnerController.showOwner(OwnerController.java:97)");
    assertThat(CallSiteText.lines(SHOW_OWNER, 64))
        .containsExactly("o.s.s.p.owner.OwnerController.showOwner(OwnerController.java:97)");
  }

  @Test
  void thePackageIsDroppedWhenAbbreviatingIsNotEnough() {
    assertThat(CallSiteText.lines(SHOW_OWNER, 55))
        .containsExactly("OwnerController.showOwner(OwnerController.java:97)");
  }

  @Test
  void whatStillDoesNotFitIsBrokenBeforeTheParenthesisNeverCut() {
    String site =
        "com.example.ClinicServiceImpl.lambda$findOwnersWithTheirPetsByLastName$0"
            + "(ClinicServiceImpl.java:123)";

    assertThat(CallSiteText.lines(site, 60))
        .containsExactly(
            "ClinicServiceImpl.lambda$findOwnersWithTheirPetsByLastName$0",
            "(ClinicServiceImpl.java:123)");
  }

  @Test
  void textThatIsNotAFrameIsBrokenIntoLines() {
    assertThat(CallSiteText.lines("a call site that is not a frame at all", 16))
        .containsExactly("a call site that", "is not a frame", "at all");
    assertThat(CallSiteText.lines("(unknown)", 104)).containsExactly("(unknown)");
  }
}
