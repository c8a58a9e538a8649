package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The leaks an adversarial review found (issue 9), and more of their kind. */
class UrlLeaksTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // reported
        "jdbc:oracle:thin:scott/SECRET@ora.example:1521/svc | SECRET scott",
        "jdbc:mysql://u:SEC/RET@db.example/shop | SEC RET",
        "jdbc:mysql://u:p@SECRET@db.example/shop | SECRET",
        "jdbc:postgresql://db.example/app?password=SEC:RET | SEC RET",
        "jdbc:postgresql://db.example/app?password =SECRET | SECRET",
        "jdbc:postgresql://db.example/app?%70assword=SECRET | SECRET",
        "jdbc:postgresql://db.example/app?passphrase=SECRET | SECRET",
        "jdbc:postgresql://db.example/app?pass=SECRET | SECRET",
        "jdbc:postgresql://db.example/app?password1=SECRET | SECRET",
        // of the same kind
        "jdbc:postgresql://db.example/app?p%61ssword=SECRET | SECRET",
        "jdbc:postgresql://db.example/app?%2570assword=SECRET | SECRET",
        "jdbc:postgresql://db.example/app?sslpassword=SECRET | SECRET",
        "jdbc:postgresql://db.example/app?password=SEC,RET | SEC RET",
        "jdbc:postgresql://db.example/app?password=SEC)RET | SEC RET",
        "jdbc:postgresql://db.example/app?password=SEC&RET | SEC RET",
        "jdbc:postgresql://db.example/app?password=SEC&x=RET | SEC RET",
        "jdbc:postgresql://db.example/app?password=SEC#RET | SEC RET",
        "jdbc:postgresql:app?password=a//SECRET | SECRET",
        "jdbc:mysql://db.example/shop?trustCertificateKeyStorePassword=SECRET | SECRET",
        "jdbc:mysql://u:SEC?RET@db.example/shop | SEC RET",
        "jdbc:mysql://u:SEC#RET@db.example/shop | SEC RET",
        "jdbc:mysql://u:SEC;RET@db.example/shop | SEC RET",
        "jdbc:mysql://address=(host=db.example)(port=3306)(password=SECRET)/shop | SECRET",
        "jdbc:mysql://(host=db.example,port=3306,password=SEC)RET)/shop | SEC RET",
        "jdbc:sqlserver://sql.example;databaseName=Sales;password={SEC;RET} | SEC RET",
        "jdbc:sqlserver://sql.example;Pwd=SECRET | SECRET",
        "jdbc:sqlserver://sql.example;accessToken=SECRET | SECRET",
        "jdbc:db2://db2.example:50000/SAMPLE:user=db2inst1;password=SEC:RET; | SEC RET",
        "jdbc:h2:mem:test;PASSWORD=SEC,RET | SEC RET",
        "jdbc:h2:file:/data/app;CIPHER=AES;PASSWORD=SEC RET | SEC RET",
        "jdbc:derby:/data/demo;bootPassword=SECRET | SECRET",
        "jdbc:sqlite:file:app.db?cipher=sqlcipher&key=SECRET | SECRET",
        "jdbc:hsqldb:file:/data/app;crypt_key=SECRET | SECRET",
        "jdbc:oracle:thin:scott/\"SEC@RET\"@ora.example:1521/svc | SEC RET",
        "jdbc:oracle:thin:scott/SEC/RET@//ora.example:1521/svc | SEC RET",
        "jdbc:oracle:thin:scott/SECRET@(DESCRIPTION=(ADDRESS=(HOST=ora)(PORT=1521))) | SECRET",
        "jdbc:frobdb:scott/SECRET@frob.example | SECRET",
        "jdbc:frobdb://frob.example/app;apikey=SECRET | SECRET",
        "jdbc:querylens:postgresql://u:SECRET@db.example/app | SECRET",
      })
  void credentialsAreMasked(String url, String fragments) {
    assertThat(JdbcUrl.redact(url)).doesNotContain(fragments.split(" "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // reported: the password became server.address
        "jdbc:postgresql:test?user=u&password=a//SECRET",
        // of the same kind: user-info or properties taken as host or namespace
        "jdbc:postgresql:app?password=x//SECRET:5432/SECRET",
        "jdbc:mysql://u:SEC/RET@db.example/shop",
        "jdbc:mysql://u:1234/SECRET@db.example/shop",
        "jdbc:oracle:thin:SECRET/pw",
        "jdbc:oracle:thin:scott/SECRET",
        "jdbc:sqlserver://;password=SECRET;databaseName=SECRET",
        "jdbc:postgresql:password=SECRET",
        "jdbc:h2:mem:x;PASSWORD=a/SECRET",
        "jdbc:derby:demo;password=a/SECRET",
        "jdbc:mysql://(host=db.example,password=SEC)(host=RET)/shop",
      })
  void noPartOfACredentialBecomesHostOrNamespace(String url) {
    assertThat(Databases.parse(url).toString()).doesNotContain("SEC", "RET");
  }
}
