package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the shaded jar holds: QueryLens and, relocated, everything it needs. */
class AgentJarIT {

  @Test
  void everyClassLivesUnderIoQuerylensAndOfByteBuddyOnlyItsAsmIsThere() throws IOException {
    List<String> foreign = new ArrayList<>();
    List<String> byteBuddy = new ArrayList<>();
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        if (!name.startsWith("io/querylens/") || name.endsWith("module-info.class")) {
          foreign.add(name);
        }
        if (name.startsWith("io/querylens/shaded/net/bytebuddy/")) {
          byteBuddy.add(name);
        }
      }
    }
    assertThat(foreign).isEmpty();
    assertThat(byteBuddy)
        .contains("io/querylens/shaded/net/bytebuddy/jar/asm/ClassReader.class")
        .allMatch(name -> name.matches("io/querylens/shaded/net/bytebuddy/jar/asm/[^/]+"));
  }

  @Test
  void registersItsOwnLoggerAndNoJdbcDriver() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      assertThat(jar.getEntry("META-INF/services/java.sql.Driver")).isNull();
      assertThat(jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).isNull();
      String provider =
          new String(
              jar.getInputStream(
                      jar.getEntry(
                          "META-INF/services/io.querylens.shaded.org.slf4j.spi.SLF4JServiceProvider"))
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(provider.trim()).isEqualTo("io.querylens.agent.internal.StderrLoggerProvider");
    }
  }

  @Test
  void manifestNamesTheEntryPointsAndAllowsRetransformation() throws IOException {
    try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      String agent = QueryLensAgent.class.getName();
      assertThat(main.getValue("Premain-Class")).isEqualTo(agent);
      assertThat(main.getValue("Agent-Class")).isEqualTo(agent);
      assertThat(main.getValue("Main-Class")).isEqualTo(agent);
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(main.getValue("Can-Redefine-Classes")).isEqualTo("true");
      assertThat(main.getValue("Multi-Release")).as("no versioned classes to pick").isNull();
    }
  }
}
