package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.CandidateFixtures.BaseDataSource;
import com.example.app.CandidateFixtures.ConcreteDataSource;
import com.example.app.CandidateFixtures.SmartDataSource;
import com.example.app.CandidateFixtures.SomeDriver;
import com.example.app.CandidateFixtures.Unrelated;
import com.example.app.CandidateFixtures.UnrelatedChild;
import com.example.app.CandidateFixtures.ViaInterface;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which class files the pre-filter hands to Byte Buddy, read as the JVM would hand them over. */
class CandidateFilterTest {
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger transformed = new AtomicInteger();
  private final CandidateFilter filter =
      new CandidateFilter(
          () -> {
            created.incrementAndGet();
            return new ClassFileTransformer() {
              @Override
              public byte[] transform(
                  Module module,
                  ClassLoader loader,
                  String name,
                  Class<?> redefined,
                  ProtectionDomain domain,
                  byte[] bytes) {
                transformed.incrementAndGet();
                return bytes;
              }
            };
          });

  private boolean candidate(Class<?> type) throws IOException {
    String name = type.getName().replace('.', '/');
    return filter.candidate(getClass().getClassLoader(), name, bytes(name));
  }

  private static byte[] bytes(String internalName) throws IOException {
    try (InputStream in =
        CandidateFilterTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aClassImplementingDataSourceThroughAnUnseenAbstractSuperClassIsACandidate()
      throws IOException {
    assertThat(candidate(ConcreteDataSource.class)).isTrue();
    assertThat(candidate(BaseDataSource.class)).as("abstract classes too").isTrue();
  }

  @Test
  void aClassImplementingAnInterfaceThatExtendsDataSourceIsACandidateButTheInterfaceIsNot()
      throws IOException {
    assertThat(candidate(SmartDataSource.class)).isFalse();
    assertThat(candidate(ViaInterface.class)).isTrue();
  }

  @Test
  void aDriverIsACandidate() throws IOException {
    assertThat(candidate(SomeDriver.class)).isTrue();
  }

  @Test
  void unrelatedAndJdkAndQueryLensClassesAreNot() throws IOException {
    assertThat(candidate(Unrelated.class)).isFalse();
    assertThat(candidate(UnrelatedChild.class)).isFalse();
    assertThat(filter.candidate(null, "java/lang/String", bytes("java/lang/String"))).isFalse();
    assertThat(candidate(CandidateFilter.class)).isFalse();
  }

  @Test
  void byteBuddyIsCreatedOnTheFirstCandidateOnlyAndSeesOnlyCandidates() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    String unrelated = Unrelated.class.getName().replace('.', '/');
    assertThat(filter.transform(null, loader, unrelated, null, null, bytes(unrelated))).isNull();
    assertThat(created).hasValue(0);

    String driver = SomeDriver.class.getName().replace('.', '/');
    filter.transform(null, loader, driver, null, null, bytes(driver));
    String dataSource = ConcreteDataSource.class.getName().replace('.', '/');
    filter.transform(null, loader, dataSource, null, null, bytes(dataSource));

    assertThat(created).hasValue(1);
    assertThat(transformed).hasValue(2);
  }

  @Test
  void aMalformedClassFileIsNotACandidate() {
    assertThat(filter.candidate(null, "com/example/Broken", new byte[] {1, 2, 3})).isFalse();
    byte[] truncated = new byte[12];
    truncated[0] = (byte) 0xCA;
    truncated[1] = (byte) 0xFE;
    truncated[2] = (byte) 0xBA;
    truncated[3] = (byte) 0xBE;
    truncated[9] = 5;
    assertThat(filter.candidate(null, "com/example/Broken", truncated)).isFalse();
  }
}
