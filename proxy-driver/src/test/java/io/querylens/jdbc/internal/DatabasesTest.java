package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.internal.Faults;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabasesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "jdbc:postgresql://db.example:6543/app?user=bob&password=secret | postgresql | app | db.example | 6543",
        "jdbc:postgresql://alice:pw@db.example/app | postgresql | app | db.example | 5432",
        "jdbc:postgresql://h1:5433,h2:5434/app | postgresql | app | h1 | 5433",
        "jdbc:postgresql://[::1]:5432/app | postgresql | app | [::1] | 5432",
        "jdbc:mariadb://127.0.0.1:3306/test | mariadb | test | 127.0.0.1 | 3306",
        "jdbc:mysql://localhost/shop?useSSL=false | mysql | shop | localhost | 3306",
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1 | h2database | test | null | -1",
        "jdbc:h2:file:/var/data/app;MODE=PostgreSQL | h2database | app | null | -1",
        "jdbc:h2:tcp://dbhost:9093/~/sample | h2database | ~/sample | dbhost | 9093",
        "jdbc:sqlserver://sql.example:1533;databaseName=Sales;password=pw | microsoft.sql_server"
            + " | Sales | sql.example | 1533",
        "jdbc:oracle:thin:@ora.example:1522/ORCLPDB | oracle.db | ORCLPDB | ora.example | 1522",
        "jdbc:oracle:thin:@ora.example:1521:ORCL | oracle.db | ORCL | ora.example | 1521",
        "jdbc:db2://db2.example:50001/SAMPLE | ibm.db2 | SAMPLE | db2.example | 50001",
        "jdbc:hsqldb:mem:unit | hsqldb | unit | null | -1",
        "jdbc:derby:memory:demo;create=true | derby | demo | null | -1",
        "jdbc:sqlite:/tmp/app.db | sqlite | app.db | null | -1",
        "jdbc:frobdb://x/y | other_sql | y | x | -1",
        "not a url | other_sql | null | null | -1",
      })
  void urlsGiveSystemNamespaceHostAndPortWithoutCredentials(
      String url, String system, String namespace, String host, int port) {
    Database d = Databases.ofUrl(url);
    assertThat(d).isEqualTo(new Database(system, namespace, host, port));
    assertThat(d.toString()).doesNotContain("secret", "bob", "alice", "pw");
  }

  @Test
  void aConnectionsDatabaseComesFromItsMetadataAndAClosedOneIsUnknownWithoutAFault()
      throws SQLException {
    Connection open = DriverManager.getConnection("jdbc:h2:mem:metadata");
    assertThat(Databases.of(open)).isEqualTo(new Database("h2database", "metadata", null, -1));
    open.close();
    long faults = Faults.count();
    assertThat(Databases.of(open)).isEqualTo(Database.UNKNOWN);
    assertThat(Faults.count()).isEqualTo(faults);
  }

  @ParameterizedTest
  @CsvSource({"jdbc:postgresql://db/app", "jdbc:h2:mem:cached"})
  void aUrlIsParsedOnce(String url) {
    assertThat(Databases.ofUrl(url)).isSameAs(Databases.ofUrl(url));
  }
}
