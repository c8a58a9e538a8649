package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.CandidateFixtures.BaseDataSource;
import com.example.app.CandidateFixtures.ConcreteDataSource;
import com.example.app.CandidateFixtures.DataSourceAndDriver;
import com.example.app.CandidateFixtures.NotADataSource;
import com.example.app.CandidateFixtures.SmartDataSource;
import com.example.app.CandidateFixtures.SomeDriver;
import com.example.app.CandidateFixtures.Unrelated;
import com.example.app.CandidateFixtures.UnrelatedChild;
import com.example.app.CandidateFixtures.ViaInterface;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Which class files the pre-filter picks, and their roles, read as the JVM would hand them over.
 */
class CandidateFilterTest {
  private final CandidateFilter filter = new CandidateFilter();

  private int roles(Class<?> type) throws IOException {
    String name = type.getName().replace('.', '/');
    return filter.roles(getClass().getClassLoader(), name, bytes(name));
  }

  private static byte[] bytes(String internalName) throws IOException {
    try (InputStream in =
        CandidateFilterTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aClassImplementingDataSourceThroughAnUnseenAbstractSuperClassIsADataSource()
      throws IOException {
    assertThat(roles(ConcreteDataSource.class)).isEqualTo(CandidateFilter.DATA_SOURCE);
  }

  @Test
  void onlyClassesDeclaringAMethodOfTheirRoleAreCandidates() throws IOException {
    assertThat(roles(BaseDataSource.class)).as("declares no getConnection").isZero();
    assertThat(roles(NotADataSource.class)).as("declares one but is no DataSource").isZero();
  }

  @Test
  void aClassImplementingAnInterfaceThatExtendsDataSourceIsOneButTheInterfaceIsNot()
      throws IOException {
    assertThat(roles(SmartDataSource.class)).isZero();
    assertThat(roles(ViaInterface.class)).isEqualTo(CandidateFilter.DATA_SOURCE);
  }

  @Test
  void tomcatJdbcPoolsBaseThatDeclaresGetConnectionWithoutBeingADataSourceIsRewrittenAsOne()
      throws IOException {
    assertThat(roles(org.apache.tomcat.jdbc.pool.DataSourceProxy.class))
        .isEqualTo(CandidateFilter.DATA_SOURCE);
    assertThat(CandidateFilter.mayHaveRoles(org.apache.tomcat.jdbc.pool.DataSourceProxy.class))
        .isTrue();
  }

  @Test
  void aDriverIsADriverAndAClassWithTwoRolesHasBoth() throws IOException {
    assertThat(roles(SomeDriver.class)).isEqualTo(CandidateFilter.DRIVER);
    assertThat(roles(DataSourceAndDriver.class))
        .isEqualTo(CandidateFilter.DATA_SOURCE | CandidateFilter.DRIVER);
  }

  @Test
  void unrelatedAndJdkAndQueryLensClassesAreNot() throws IOException {
    assertThat(roles(Unrelated.class)).isZero();
    assertThat(roles(UnrelatedChild.class)).isZero();
    assertThat(filter.roles(null, "java/lang/String", bytes("java/lang/String"))).isZero();
    assertThat(roles(CandidateFilter.class)).isZero();
  }

  @Test
  void loadedClassesAreFoundByTheNamesOfTheirSuperTypes() {
    assertThat(CandidateFilter.mayHaveRoles(ConcreteDataSource.class)).isTrue();
    assertThat(CandidateFilter.mayHaveRoles(ViaInterface.class)).isTrue();
    assertThat(CandidateFilter.mayHaveRoles(SomeDriver.class)).isTrue();
    assertThat(CandidateFilter.mayHaveRoles(UnrelatedChild.class)).isFalse();
  }

  @Test
  void aMalformedClassFileIsNotACandidate() {
    assertThat(filter.roles(null, "com/example/Broken", new byte[] {1, 2, 3})).isZero();
    byte[] truncated = new byte[12];
    truncated[0] = (byte) 0xCA;
    truncated[1] = (byte) 0xFE;
    truncated[2] = (byte) 0xBA;
    truncated[3] = (byte) 0xBE;
    truncated[9] = 5;
    assertThat(filter.roles(null, "com/example/Broken", truncated)).isZero();
  }
}
