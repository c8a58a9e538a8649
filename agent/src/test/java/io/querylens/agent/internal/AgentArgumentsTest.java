package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void readsKeyValuePairsInOrder() {
    Map<String, String> args =
        AgentArguments.parse("report.json=/tmp/q.json,max-shapes=500", problems);
    assertThat(args)
        .containsExactly(Map.entry("report.json", "/tmp/q.json"), Map.entry("max-shapes", "500"));
    assertThat(problems).isEmpty();
  }

  @Test
  void aPartWithoutEqualsContinuesTheListBeforeIt() {
    Map<String, String> args =
        AgentArguments.parse("callsite.app-packages=com.a,org.b,report.top=5", problems);
    assertThat(args)
        .containsEntry("callsite.app-packages", "com.a,org.b")
        .containsEntry("report.top", "5");
    assertThat(problems).isEmpty();
  }

  @Test
  void aValueKeepsEverythingAfterTheFirstEquals() {
    assertThat(AgentArguments.parse("report.json=/tmp/a=b.json", problems))
        .containsExactly(Map.entry("report.json", "/tmp/a=b.json"));
  }

  @Test
  void nothingGivenIsNoArguments() {
    assertThat(AgentArguments.parse(null, problems)).isEmpty();
    assertThat(AgentArguments.parse("  ", problems)).isEmpty();
    assertThat(AgentArguments.parse("a=1,,b=2", problems)).containsOnlyKeys("a", "b");
    assertThat(problems).isEmpty();
  }

  @Test
  void unreadablePartsAreReportedAndSkipped() {
    Map<String, String> args = AgentArguments.parse("verbose,=3,report.top=5", problems);
    assertThat(args).containsExactly(Map.entry("report.top", "5"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("\"verbose\"").contains("key=value");
    assertThat(problems.get(1)).contains("\"=3\"").contains("no key");
  }
}
