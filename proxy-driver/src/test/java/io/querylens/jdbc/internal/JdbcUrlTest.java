package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db.example:6543/app?sslmode=require&user=bob&password=pw&ssl=true"
            + " | jdbc:postgresql://db.example:6543/app?sslmode=require&user=***&password=***",
        "jdbc:postgresql://alice:pw@db.example/app | jdbc:postgresql://***@db.example/app",
        "jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary"
            + " | jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary",
        "jdbc:postgresql://[::1]:5432/app | jdbc:postgresql://[::1]:5432/app",
        "jdbc:postgresql:app?user=u&password=a//pw | jdbc:postgresql:app?user=***&password=***",
        "jdbc:postgresql://db.example/app?options=-c%20x%3Dy"
            + " | jdbc:postgresql://db.example/app?options=***",
        "jdbc:mysql://u:pw@db.example:3307/shop?useSSL=false"
            + " | jdbc:mysql://***@db.example:3307/shop?useSSL=false",
        "jdbc:mysql:loadbalance://h1,h2:3307/shop | jdbc:mysql:loadbalance://h1,h2:3307/shop",
        "jdbc:mysql:replication://u:pw@[h1:3306,h2]/shop"
            + " | jdbc:mysql:replication://***@[h1:3306,h2]/shop",
        "jdbc:mysql://address=(host=db)(port=3307)(user=u)(password=pw)(ssl=1)/shop"
            + " | jdbc:mysql://address=(host=db)(port=3307)(user=***)(password=***",
        "jdbc:mysql://(host=db,port=3307,type=master)/shop"
            + " | jdbc:mysql://(host=db,port=3307,type=master)/shop",
        "jdbc:mariadb:sequential://h1,h2/shop?password=pw&ssl=true"
            + " | jdbc:mariadb:sequential://h1,h2/shop?password=***",
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=pw"
            + " | jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;USER=***;PASSWORD=***",
        "jdbc:h2:tcp://dbhost:9093/~/sample;PASSWORD=pw"
            + " | jdbc:h2:tcp://dbhost:9093/~/sample;PASSWORD=***",
        "jdbc:h2:file:C:\\data\\app | jdbc:h2:file:C:\\data\\app",
        "jdbc:oracle:thin:scott/tiger@ora.example:1521:ORCL"
            + " | jdbc:oracle:thin:***@ora.example:1521:ORCL",
        "jdbc:oracle:thin:scott/tiger@//ora.example/svc | jdbc:oracle:thin:***@//ora.example/svc",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))"
            + "(CONNECT_DATA=(SERVICE_NAME=svc)(SERVER=dedicated)))"
            + " | jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))"
            + "(CONNECT_DATA=(SERVICE_NAME=svc)(SERVER=dedicated)))",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=ora)(PORT=1521))"
            + "(SECURITY=(SSL_SERVER_CERT_DN=\"CN=ora\")))"
            + " | jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=ora)(PORT=1521))"
            + "(SECURITY=(SSL_SERVER_CERT_DN=***)))",
        "jdbc:oracle:thin:@orcl_high | jdbc:oracle:thin:@orcl_high",
        "jdbc:oracle:thin:@ldap://ldap.example/orcl,cn=x | jdbc:oracle:thin:@ldap://***",
        "jdbc:oracle:thin:scott/tiger | jdbc:oracle:thin:***",
        "jdbc:oracle:foo:@ora.example:1521:ORCL | jdbc:oracle:***",
        "jdbc:sqlserver://sql.example\\SQLEXPRESS:1533;databaseName=Sales;password={a;b};x=1"
            + " | jdbc:sqlserver://sql.example\\SQLEXPRESS:1533;databaseName=Sales;password=***",
        "jdbc:sqlserver://sql.example;databaseName={my;db};encrypt=true"
            + " | jdbc:sqlserver://sql.example;databaseName=***;***;encrypt=true",
        "jdbc:jtds:sqlserver://sql.example/Sales;user=sa"
            + " | jdbc:jtds:sqlserver://sql.example/Sales;user=***",
        "jdbc:db2://db2.example:50001/SAMPLE:user=db2inst1;password=pw;currentSchema=S;"
            + " | jdbc:db2://db2.example:50001/SAMPLE:user=***;password=***",
        "jdbc:derby://derby.example:1527/demo;create=true;user=u;password=pw"
            + " | jdbc:derby://derby.example:1527/demo;create=true;user=***;password=***",
        "jdbc:hsqldb:hsql://hs.example/app;crypt_key=k"
            + " | jdbc:hsqldb:hsql://hs.example/app;crypt_key=***",
        "jdbc:sqlite::memory: | jdbc:sqlite::memory:",
        "jdbc:frobdb://u:pw@frob.example:7000/app;a=b"
            + " | jdbc:frobdb://***@frob.example:7000/app;***",
        "jdbc:frobdb:scott/tiger@frob.example | jdbc:frobdb:***",
        "jdbc:querylens:jdbc:mysql://u:pw@db/shop | jdbc:querylens:mysql://***@db/shop",
        "jdbc:querylens::x | jdbc:querylens:***",
        "jdbc: | jdbc:",
        "postgresql://u:pw@db/app | ***",
      })
  void showsTheSchemeAndWhatPassedItsTestWithTheRestMasked(String url, String redacted) {
    assertThat(JdbcUrl.redact(url)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a password holding / ? # or ; may cut the user-info short, so that the host shown
        // would be part of it
        "jdbc:postgresql://u:1234/x@db.example/app | jdbc:postgresql://***",
        "jdbc:mysql://u:pw?x@db.example/app | jdbc:mysql://***",
        "jdbc:sqlserver://u:pw;x@db.example;databaseName=app | jdbc:sqlserver://***",
        // an @ outside a user name or a secret
        "jdbc:postgresql://db.example/app?ApplicationName=me@x | jdbc:postgresql://***",
        "jdbc:postgresql://u:pw@db.example/app?user=x@y | jdbc:postgresql://***",
        // MySQL reads user-info: the last @ may be where it ends
        "jdbc:mysql://db.example/shop?user=bob@corp.example | jdbc:mysql://***",
        // Oracle: two connect identifiers read, either may follow the end of a password
        "jdbc:oracle:thin:@//ora.example/svc?wallet_password=a@b/c | jdbc:oracle:thin:***",
      })
  void hidesEverythingAfterTheSchemeWhenTheHostsAreInDoubt(String url, String redacted) {
    assertThat(JdbcUrl.redact(url)).isEqualTo(redacted);
  }

  @Test
  void aNullUrlStaysNull() {
    assertThat(JdbcUrl.redact(null)).isNull();
  }
}
