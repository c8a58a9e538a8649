package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.config.LogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StderrLoggerTest {
  private final StderrLogger logger = new StderrLogger("io.querylens.test");

  @AfterEach
  void backToTheDefault() {
    StderrLogger.setLevel(LogLevel.INFO);
  }

  @Test
  void infoIsTheDefaultAndDebugAndTraceAreOff() {
    assertThat(logger.isInfoEnabled()).isTrue();
    assertThat(logger.isDebugEnabled()).isFalse();
    assertThat(logger.isTraceEnabled()).isFalse();
  }

  @Test
  void aLevelLetsThroughItselfAndWhatIsMoreSevere() {
    StderrLogger.setLevel(LogLevel.WARN);
    assertThat(logger.isErrorEnabled()).isTrue();
    assertThat(logger.isWarnEnabled()).isTrue();
    assertThat(logger.isInfoEnabled()).isFalse();
    StderrLogger.setLevel(LogLevel.DEBUG);
    assertThat(logger.isDebugEnabled()).isTrue();
  }

  @Test
  void offSilencesEverything() {
    StderrLogger.setLevel(LogLevel.OFF);
    assertThat(logger.isErrorEnabled()).isFalse();
  }

  @Test
  void theAgentsSlf4jFindsThisProvider() {
    assertThat(org.slf4j.LoggerFactory.getLogger("io.querylens")).isInstanceOf(StderrLogger.class);
  }
}
