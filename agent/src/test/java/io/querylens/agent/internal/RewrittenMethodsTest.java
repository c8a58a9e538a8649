package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RewrittenMethodsTest {
  private static final int PUBLIC = 0x0001;
  private static final String CONNECTION = "Ljava/sql/Connection;";
  private static final String JAKARTA_SERVICE =
      "(Ljakarta/servlet/http/HttpServletRequest;Ljakarta/servlet/http/HttpServletResponse;)V";

  @Test
  void connectionMethodsAreMatchedByNameAndDescriptor() {
    assertThat(RewrittenMethods.role(PUBLIC, "getConnection", "()" + CONNECTION))
        .isEqualTo(CandidateFilter.DATA_SOURCE);
    assertThat(
            RewrittenMethods.role(
                PUBLIC, "getConnection", "(Ljava/lang/String;Ljava/lang/String;)" + CONNECTION))
        .isEqualTo(CandidateFilter.DATA_SOURCE);
    assertThat(
            RewrittenMethods.role(
                PUBLIC, "connect", "(Ljava/lang/String;Ljava/util/Properties;)" + CONNECTION))
        .isEqualTo(CandidateFilter.DRIVER);
    assertThat(RewrittenMethods.role(PUBLIC, "getConnection", "()Ljava/lang/Object;")).isZero();
    assertThat(RewrittenMethods.role(PUBLIC, "connect", "(Ljava/lang/String;)" + CONNECTION))
        .isZero();
  }

  @Test
  void servletMethodsTakeARequestFirstAndReturnNothing() {
    assertThat(RewrittenMethods.role(PUBLIC, "service", JAKARTA_SERVICE))
        .isEqualTo(CandidateFilter.SERVLET);
    assertThat(
            RewrittenMethods.role(
                PUBLIC,
                "doFilter",
                "(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;"
                    + "Ljavax/servlet/FilterChain;)V"))
        .isEqualTo(CandidateFilter.SERVLET);
    assertThat(RewrittenMethods.role(PUBLIC, "doFilter", JAKARTA_SERVICE))
        .as("two arguments: not Filter.doFilter")
        .isZero();
    assertThat(RewrittenMethods.role(PUBLIC, "service", "(Ljava/lang/Object;[I)V")).isZero();
    assertThat(
            RewrittenMethods.role(
                PUBLIC, "service", "(Ljakarta/servlet/ServletRequest;[[J)Ljava/lang/Object;"))
        .isZero();
  }

  @Test
  void abstractNativeAndStaticMethodsAreLeftAlone() {
    for (int access : new int[] {0x0400, 0x0100, 0x0008}) {
      assertThat(RewrittenMethods.role(PUBLIC | access, "getConnection", "()" + CONNECTION))
          .isZero();
    }
  }
}
