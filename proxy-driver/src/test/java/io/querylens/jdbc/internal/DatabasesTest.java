package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import io.querylens.core.intercept.Faults;
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
        "jdbc:postgresql://[fe80::1%eth0]/app | postgresql | app | [fe80::1%eth0] | 5432",
        "jdbc:postgresql:app?user=bob&password=pw | postgresql | app | null | -1",
        "jdbc:postgresql:///app | postgresql | app | null | -1",
        "jdbc:postgresql://azure.example/app?user=bob@srv&password=p@w | postgresql | app"
            + " | azure.example | 5432",
        "jdbc:mariadb://127.0.0.1:3306/test | mariadb | test | 127.0.0.1 | 3306",
        "jdbc:mariadb:replication://alice:pw@h1,h2/test | mariadb | test | h1 | 3306",
        "jdbc:mysql://localhost/shop?useSSL=false | mysql | shop | localhost | 3306",
        "jdbc:mysql:loadbalance://h1:3307,h2:3308/shop | mysql | shop | h1 | 3307",
        "jdbc:mysql://[h1:3307,h2]/shop | mysql | shop | h1 | 3307",
        "jdbc:mysql://address=(host=db.example)(port=3307)(type=primary)/shop | mysql | shop"
            + " | db.example | 3307",
        "jdbc:mysql://(host=db.example,port=3307,user=alice)/shop | mysql | shop | db.example"
            + " | 3307",
        "jdbc:mysql+srv://_mysql._tcp.example/shop | mysql | shop | _mysql._tcp.example | 3306",
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1 | h2database | test | null | -1",
        "jdbc:h2:file:/var/data/app;MODE=PostgreSQL | h2database | app | null | -1",
        "jdbc:h2:~/app;USER=sa;PASSWORD=pw | h2database | app | null | -1",
        "jdbc:h2:tcp://dbhost:9093/~/sample | h2database | ~/sample | dbhost | 9093",
        "jdbc:h2:ssl://dbhost/mem:sample | h2database | sample | dbhost | 9092",
        "jdbc:sqlserver://sql.example:1533;databaseName=Sales;password=pw | microsoft.sql_server"
            + " | Sales | sql.example | 1533",
        "jdbc:sqlserver://sql.example\\SQLEXPRESS;database=Sales | microsoft.sql_server"
            + " | Sales | sql.example | -1",
        "jdbc:sqlserver://;serverName=sql.example;databaseName=Sales | microsoft.sql_server"
            + " | Sales | null | -1",
        "jdbc:jtds:sqlserver://sql.example/Sales;user=sa | microsoft.sql_server | Sales"
            + " | sql.example | 1433",
        "jdbc:jtds:sybase://syb.example:5000/app | other_sql | app | syb.example | 5000",
        "jdbc:oracle:thin:@ora.example:1522/ORCLPDB | oracle.db | ORCLPDB | ora.example | 1522",
        "jdbc:oracle:thin:@ora.example:1521:ORCL | oracle.db | ORCL | ora.example | 1521",
        "jdbc:oracle:thin:scott/tiger@//ora.example/svc:dedicated/inst | oracle.db | svc"
            + " | ora.example | 1521",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST=ora1)"
            + "(PORT=1523))(ADDRESS=(HOST=ora2)))(CONNECT_DATA=(SERVICE_NAME=svc))) | oracle.db"
            + " | svc | ora1 | 1523",
        "jdbc:oracle:thin:@orcl_high | oracle.db | null | null | -1",
        "jdbc:oracle:thin:@tcps://ora.example:2484/svc?wallet_location=/w | oracle.db | svc"
            + " | ora.example | 2484",
        "jdbc:db2://db2.example:50001/SAMPLE | ibm.db2 | SAMPLE | db2.example | 50001",
        "jdbc:db2://db2.example/SAMPLE:user=u;password=pw; | ibm.db2 | SAMPLE | db2.example"
            + " | 50000",
        "jdbc:db2:SAMPLE | ibm.db2 | SAMPLE | null | -1",
        "jdbc:as400://as400.example/LIB;naming=system | ibm.db2 | LIB | as400.example | -1",
        "jdbc:hsqldb:mem:unit | hsqldb | unit | null | -1",
        "jdbc:hsqldb:hsql://hs.example:9001/app;user=sa | hsqldb | app | hs.example | 9001",
        "jdbc:derby:memory:demo;create=true | derby | demo | null | -1",
        "jdbc:derby://derby.example:1527/demo;user=u;password=pw | derby | demo"
            + " | derby.example | 1527",
        "jdbc:sqlite:/tmp/app.db | sqlite | app.db | null | -1",
        "jdbc:sqlite::memory: | sqlite | null | null | -1",
        "jdbc:frobdb://x/y | other_sql | y | x | -1",
        "jdbc:frobdb://u:pw@x:7000/y;a=b | other_sql | y | x | 7000",
        "jdbc:frobdb:x/y | other_sql | null | null | -1",
        "jdbc:querylens:postgresql://db.example/app | postgresql | app | db.example | 5432",
        "not a url | other_sql | null | null | -1",
      })
  void urlsGiveSystemNamespaceHostAndPortWithoutCredentials(
      String url, String system, String namespace, String host, int port) {
    Database d = Databases.ofUrl(url);
    assertThat(d).isEqualTo(new Database(system, namespace, host, port));
    assertThat(d.toString()).doesNotContain("secret", "bob", "alice", "pw");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://u:1234/x@db.example/app | postgresql",
        "jdbc:mysql://u:pw#x@db.example/app | mysql",
        "jdbc:mysql://db.example/app?user=bob@corp.example | mysql",
        "jdbc:postgresql://db.example/app?ApplicationName=me@x | postgresql",
        "jdbc:postgresql://db.example/a@pp | postgresql",
        "jdbc:sqlserver://db.example/app;databaseName=app | microsoft.sql_server",
        "jdbc:oracle:thin:scott/tiger | oracle.db",
        "jdbc:oracle:thin:@//db.example/app?wallet_password=a@b/c | oracle.db",
      })
  void aHostInDoubtIsNotTold(String url, String system) {
    assertThat(Databases.ofUrl(url)).isEqualTo(new Database(system, null, null, -1));
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
