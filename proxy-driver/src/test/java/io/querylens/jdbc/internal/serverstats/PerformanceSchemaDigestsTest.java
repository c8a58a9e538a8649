package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ServerSide;
import io.querylens.core.WaitCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerformanceSchemaDigestsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "true|Updating|LOCK",
        "false|Waiting for table metadata lock|LOCK",
        "false|Waiting for table level lock|LOCK",
        "false|User lock|LOCK",
        "false|User sleep|OTHER",
        "false|Waiting for commit lock|LOCK",
        "false|Waiting for the next event in relay log|OTHER",
        "false|Sending data|CPU",
        "false|Updating|CPU",
        "false|null|CPU",
      })
  void aStatementInFlightIsCategorisedByLockWaitAndState(
      boolean rowLockWait, String state, WaitCategory expected) {
    assertThat(PerformanceSchemaDigests.category(rowLockWait, state)).isEqualTo(expected);
  }

  @Test
  void picosecondsBecomeNanosecondsAndRowsSentAndAffectedAdd() {
    ServerSide side = new DigestFigures(2, 4_000_000, 6_000, 3, 4, 500, 1).toServerSide("ps");
    assertThat(side)
        .isEqualTo(new ServerSide("ps", 2, 4_000, -1, 7, 500, -1, -1, 6, 1, null, null));
  }
}
