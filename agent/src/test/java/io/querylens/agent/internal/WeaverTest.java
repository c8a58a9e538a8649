package io.querylens.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.app.CandidateFixtures.BaseDataSource;
import com.example.app.CandidateFixtures.H2Driver;
import com.example.app.CandidateFixtures.RequestHandler;
import com.example.app.CandidateFixtures.RetryingDataSource;
import com.example.app.CandidateFixtures.Unrelated;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.internal.QueryLensConnection;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** Classes rewritten by {@link Weaver}, defined (and so verified) by the JVM and run. */
class WeaverTest {
  private static final String URL = "jdbc:h2:mem:weaver";

  private static byte[] bytes(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = WeaverTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  /** Defines {@code bytes} as {@code type}'s class in a child loader of the test's. */
  private static Class<?> define(Class<?> type, byte[] bytes) throws ClassNotFoundException {
    ClassLoader loader =
        new ClassLoader(WeaverTest.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(type.getName())) {
              synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
              }
            }
            return super.loadClass(name, resolve);
          }
        };
    return loader.loadClass(type.getName());
  }

  private static DataSource wovenDataSource(byte[] bytes, String url) throws Exception {
    byte[] woven = Weaver.weave(bytes, CandidateFilter.DATA_SOURCE);
    assertThat(woven).isNotNull();
    return (DataSource)
        define(RetryingDataSource.class, woven).getConstructor(String.class).newInstance(url);
  }

  private static long connects() {
    return Recording.global().snapshot().connections().connect().count();
  }

  private static long acquireErrors() {
    return Recording.global().snapshot().connections().acquireErrors();
  }

  @Test
  void getConnectionReturnsTheConnectionWrappedOnceAndNestedCallsConnectOnce() throws Exception {
    DataSource dataSource = wovenDataSource(bytes(RetryingDataSource.class), URL);
    long before = connects();
    try (Connection connection = dataSource.getConnection();
        Connection nested = dataSource.getConnection("user", "password")) {
      assertThat(connection).isInstanceOf(QueryLensConnection.class);
      assertThat(nested).isInstanceOf(QueryLensConnection.class);
      assertThat(nested.unwrap(org.h2.jdbc.JdbcConnection.class))
          .isNotInstanceOf(QueryLensConnection.class);
    }
    assertThat(connects() - before).isEqualTo(2);
  }

  @Test
  void aThrowingGetConnectionThrowsTheSameExceptionAndRecordsAFailure() throws Exception {
    DataSource dataSource = wovenDataSource(bytes(RetryingDataSource.class), "");
    long before = acquireErrors();
    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessage("no url");
    assertThat(acquireErrors() - before).isEqualTo(1);
    assertThat(dataSource.getClass().getField("attempts").getInt(dataSource))
        .as("the method's own loop and handler ran as written")
        .isEqualTo(3);
  }

  @Test
  void connectHandsItsArgumentsOverAndKeepsNoneAfterItEnds() throws Exception {
    byte[] woven = Weaver.weave(bytes(H2Driver.class), CandidateFilter.DRIVER);
    assertThat(woven).isNotNull();
    Driver driver = (Driver) define(H2Driver.class, woven).getConstructor().newInstance();
    Properties info = new Properties();
    info.setProperty("user", "sa");
    long before = connects();
    try (Connection connection = driver.connect(URL, info)) {
      assertThat(connection).isInstanceOf(QueryLensConnection.class);
    }
    assertThat(connects() - before).isEqualTo(1);
    assertThat(ConnectCalls.pop()).as("the call's arguments are gone").isNull();

    assertThatThrownBy(() -> driver.connect("", info))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no url");
    assertThat(ConnectCalls.pop()).as("gone after a throw too").isNull();
  }

  @Test
  void aClassFileOlderThanJava6GetsNoStackMapFrame() throws Exception {
    // Java 5, without the frames Java 6 introduced: verified by type inference
    ClassReader reader = new ClassReader(bytes(RetryingDataSource.class));
    ClassWriter writer = new ClassWriter(0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_5, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    byte[] old = writer.toByteArray();
    DataSource dataSource = wovenDataSource(old, URL);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection).isInstanceOf(QueryLensConnection.class);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aServiceCallIsAUnitOfWorkUntilItReturnsOrThrows() throws Exception {
    byte[] woven = Weaver.weave(bytes(RequestHandler.class), CandidateFilter.SERVLET);
    assertThat(woven).isNotNull();
    BiConsumer<Object, Runnable> handler =
        (BiConsumer<Object, Runnable>)
            define(RequestHandler.class, woven).getConstructor().newInstance();
    AtomicReference<String> inside = new AtomicReference<>();
    RequestNamesTest.Request request = new RequestNamesTest.Request("GET", "/owners/7");

    handler.accept(request, () -> inside.set(ServletRequests.current().name()));
    assertThat(inside).hasValue("GET /owners/{id}");
    assertThat(ServletRequests.current()).isNull();

    IllegalStateException thrown = new IllegalStateException("the application's");
    assertThatThrownBy(
            () ->
                handler.accept(
                    request,
                    () -> {
                      throw thrown;
                    }))
        .isSameAs(thrown);
    assertThat(ServletRequests.current()).as("closed on the throw too").isNull();
  }

  @Test
  void classesDeclaringNoMethodOfTheirRolesAreLeftAlone() throws IOException {
    assertThat(Weaver.weave(bytes(BaseDataSource.class), CandidateFilter.DATA_SOURCE)).isNull();
    assertThat(Weaver.weave(bytes(Unrelated.class), CandidateFilter.SERVLET)).isNull();
    assertThat(Weaver.weave(bytes(RetryingDataSource.class), CandidateFilter.DRIVER)).isNull();
  }
}
