package io.querylens.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class QueryLensLogTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutAProviderWarningsGoToStderrAfterOneNotice() {
    Logger logger = QueryLensLog.choose(new NOPLoggerFactory(), err);
    assertThat(written()).startsWith("[QueryLens] No SLF4J provider is bound").hasLineCount(1);

    logger.warn("QueryLens finding {}: {}", "n-plus-one", "select ? from t");
    logger.info("not shown");
    logger.debug("not shown");
    logger.error("broken", new IllegalStateException("boom"));

    assertThat(written())
        .contains("[QueryLens] WARN QueryLens finding n-plus-one: select ? from t")
        .contains("[QueryLens] ERROR broken")
        .contains("IllegalStateException: boom")
        .doesNotContain("not shown");
    assertThat(written().split("No SLF4J provider", -1)).hasSize(2); // the notice once
  }

  @Test
  void withAProviderItIsThatProvidersLoggerAndSaysNothing() {
    Logger logger = QueryLensLog.choose(LoggerFactory.getILoggerFactory(), err);
    assertThat(logger.getName()).isEqualTo("io.querylens");
    assertThat(logger.getClass().getName()).doesNotContain("QueryLensLog");
    assertThat(written()).isEmpty();
  }
}
