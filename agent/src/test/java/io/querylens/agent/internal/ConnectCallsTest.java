package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The per-thread arguments of the connect calls in progress. */
class ConnectCallsTest {
  @Test
  void eachCallGetsItsOwnArgumentsBackInnermostFirst() {
    Properties outer = new Properties();
    Properties inner = new Properties();
    ConnectCalls.push("wrapper", "jdbc:wrapper:mariadb://db/app", outer);
    ConnectCalls.push("driver", "jdbc:mariadb://db/app", inner);

    assertThat(ConnectCalls.pop())
        .isEqualTo(new ConnectCalls.Call("driver", "jdbc:mariadb://db/app", inner));
    assertThat(ConnectCalls.pop())
        .isEqualTo(new ConnectCalls.Call("wrapper", "jdbc:wrapper:mariadb://db/app", outer));
    assertThat(ConnectCalls.pop()).as("nothing is left").isNull();
  }

  @Test
  void callsNestedBeyondTheKeptLevelsStillGiveTheInnermostAndKeepNothing() {
    for (int i = 0; i < 12; i++) {
      ConnectCalls.push("driver" + i, "url" + i, null);
    }
    assertThat(ConnectCalls.pop().driver()).isEqualTo("driver11");
    for (int i = 0; i < 11; i++) {
      ConnectCalls.pop(); // the outer levels past the kept ones share the emptied slot
    }
    assertThat(ConnectCalls.pop()).isNull();
    ConnectCalls.push("next", "url", null);
    assertThat(ConnectCalls.pop().driver()).as("the depth was repaired").isEqualTo("next");
  }
}
