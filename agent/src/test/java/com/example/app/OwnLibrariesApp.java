package com.example.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An application that uses its own Byte Buddy (it generates a class) and its own datasource-proxy
 * (it counts executions) beside the agent; prints {@code bytebuddy=<its jar> dsproxy=<count>}.
 */
final class OwnLibrariesApp {
  static final int READS = 3;

  private OwnLibrariesApp() {}

  public static void main(String[] args) throws Exception {
    Object generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("made by the application's Byte Buddy"))
            .make()
            .load(OwnLibrariesApp.class.getClassLoader())
            .getLoaded()
            .getDeclaredConstructor()
            .newInstance();
    if (!generated.toString().equals("made by the application's Byte Buddy")) {
      throw new IllegalStateException(generated.toString());
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:own;DB_CLOSE_DELAY=-1");
    AtomicInteger executions = new AtomicInteger();
    DataSource dataSource =
        ProxyDataSourceBuilder.create(h2)
            .afterQuery((info, queries) -> executions.incrementAndGet())
            .build();
    try (Connection connection = dataSource.getConnection()) {
      Items.create(connection);
    }
    for (int i = 1; i <= READS; i++) {
      try (Connection connection = dataSource.getConnection()) {
        Items.name(connection, i);
      }
    }
    System.out.println(
        "bytebuddy="
            + Path.of(ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName()
            + " dsproxy="
            + executions.get());
  }
}
