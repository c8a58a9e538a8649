package io.querylens.core.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallSitesTest {
  private static final CallSites plain = new CallSites(List.of(), List.of());

  private static int line() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).get().getLineNumber();
  }

  @Test
  void runtimeGeneratedProxiesAreNeverCallSites() {
    assertThat(CallSites.isGenerated("com.example.Owner$HibernateProxy$Ab12", null)).isTrue();
    assertThat(CallSites.isGenerated("com.example.Owner$HibernateProxy", "Owner.java")).isTrue();
    assertThat(CallSites.isGenerated("com.example.Service$$SpringCGLIB$$0", "Service.java"))
        .isTrue();
    assertThat(CallSites.isGenerated("com.example.Dao$ByteBuddy$Mock", "Dao.java")).isTrue();
    assertThat(CallSites.isGenerated("com.example.OrderService", "OrderService.java")).isFalse();
    assertThat(CallSites.isGenerated("com.example.OrderService$Inner", "OrderService.java"))
        .isFalse();
  }

  @Test
  void aClassFromADirectoryIsTheApplicationsAndOneFromAJarIsALibrarys() {
    assertThat(plain.isApplication(CallSitesTest.class)).isTrue(); // target/test-classes/
    assertThat(plain.isApplication(Test.class)).isFalse(); // junit-jupiter-api-*.jar
    assertThat(plain.isApplication(String.class)).isFalse(); // the JDK: no code source
    assertThat(plain.isApplication(org.assertj.core.api.Assertions.class)).isFalse();
  }

  @Test
  void querylensOwnClassesAreNeverTheApplicationsEvenFromADirectory() {
    assertThat(plain.isApplication(UnitOfWorkTracker.class)).isFalse(); // target/classes/
    assertThat(new CallSites(List.of("io.querylens."), List.of()).isApplication(CallSites.class))
        .isFalse();
  }

  @Test
  void appAndSkipPackagesOverrideWhereAClassComesFrom() {
    CallSites junitIsApp = new CallSites(List.of("org.junit."), List.of());
    assertThat(junitIsApp.isApplication(Test.class)).isTrue();
    CallSites skipTests =
        new CallSites(List.of(), List.of("io.querylens.core.internal.unitofwork.CallSitesT"));
    assertThat(skipTests.isApplication(CallSitesTest.class)).isFalse();
    assertThat(skipTests.isApplication(UnitOfWorkTrackerTest.class)).isTrue();
  }

  @Test
  void springBootAndWarLayoutsAndTheMainJarAreTheApplications() {
    assertThat(CallSites.isApplicationLocation("jar:file:/srv/app.jar!/BOOT-INF/classes!/", null))
        .isTrue();
    assertThat(CallSites.isApplicationLocation("nested:/srv/app.jar/!BOOT-INF/classes/", null))
        .isTrue();
    assertThat(
            CallSites.isApplicationLocation(
                "jar:file:/srv/app.jar!/BOOT-INF/lib/spring-jdbc-6.1.jar!/", null))
        .isFalse();
    assertThat(
            CallSites.isApplicationLocation("file:/opt/tomcat/webapps/shop/WEB-INF/classes/", null))
        .isTrue();
    assertThat(
            CallSites.isApplicationLocation(
                "file:/opt/tomcat/webapps/shop/WEB-INF/lib/x.jar", null))
        .isFalse();
    assertThat(CallSites.isApplicationLocation("file:/home/me/app/build/classes/", null)).isTrue();
    assertThat(CallSites.isApplicationLocation("file:/home/me/.m2/h2-2.2.jar", null)).isFalse();
    assertThat(CallSites.isApplicationLocation("file:/srv/app.jar", "file:/srv/app.jar")).isTrue();
    assertThat(CallSites.isApplicationLocation("jrt:/java.sql", null)).isFalse();
    assertThat(CallSites.isApplicationLocation(null, null)).isFalse();
  }

  @Test
  void findSkipsLibraryFramesBetweenQueryLensAndTheApplication() {
    int expected = line() + 1;
    String site = Optional.<CallSite>empty().orElseGet(plain::find).text(); // Optional between
    assertThat(site)
        .isEqualTo(
            CallSitesTest.class.getName()
                + ".findSkipsLibraryFramesBetweenQueryLensAndTheApplication(CallSitesTest.java:"
                + expected
                + ")");
  }

  @Test
  void noQualifyingFrameGivesUnknown() {
    CallSites skipAll = new CallSites(List.of(), List.of("io.querylens.core.internal.unitofwork"));
    // below the test: reflection, JUnit and Surefire, all on the built-in skip list
    assertThat(skipAll.find().text()).isEqualTo(CallSites.UNKNOWN);
  }

  @Test
  void appPackagesMakeEvenAFrameworkFrameTheCallSite() {
    CallSites appJunit =
        new CallSites(List.of("org.junit.platform."), List.of("io.querylens.core.internal."));
    assertThat(appJunit.find().text()).startsWith("org.junit.platform.");
  }
}
