package io.querylens.jdbc.internal.serverstats;

import static org.assertj.core.api.Assertions.assertThat;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariConfig;
import java.util.List;
import java.util.Properties;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The DataSource getters each pool and driver answers, and credentials kept out of text. */
class StatsCredentialsTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  @Test
  void everyKnownDataSourceAnswersUrlUserAndPassword() throws Exception {
    for (Object dataSource : dataSources()) {
      String[] credentials = StatsCredentials.urlUserPassword(dataSource);
      String name = dataSource.getClass().getName();
      assertThat(credentials[0]).as(name).startsWith("jdbc:");
      assertThat(credentials[1]).as(name).isEqualTo("app");
      assertThat(credentials[2]).as(name).isEqualTo("s3cret");
    }
  }

  @Test
  void mariadbDataSourceShowsNoPasswordAndItsMaskIsDropped() throws Exception {
    MariaDbDataSource mariadb = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/test");
    mariadb.setUser("app");
    mariadb.setPassword("s3cret");

    String[] credentials = StatsCredentials.urlUserPassword(mariadb);

    assertThat(credentials[0]).startsWith("jdbc:mariadb:").doesNotContain("password");
    assertThat(credentials[1]).isEqualTo("app");
    assertThat(credentials[2]).isNull();
  }

  @Test
  void configuredUserAndPasswordReplaceTheUrlsOwn() {
    assertThat(
            StatsCredentials.withoutParameter(
                "jdbc:mariadb://db/test?user=root&password=x&ssl=true", "user"))
        .isEqualTo("jdbc:mariadb://db/test?password=x&ssl=true");
    assertThat(StatsCredentials.withoutParameter("jdbc:mariadb://db/test?password=x", "password"))
        .isEqualTo("jdbc:mariadb://db/test?");
  }

  @Test
  void aMissingGetterIsNull() {
    assertThat(StatsCredentials.getter(new Object(), "getJdbcUrl", "getUrl")).isNull();
  }

  @Test
  void textNeverHoldsTheCredentials() {
    Properties info = new Properties();
    info.setProperty("user", "app");
    info.setProperty("password", "s3cret");
    StatsCredentials credentials = StatsCredentials.ofDriver(null, URL + "?password=s3cret", info);

    assertThat(credentials.toString()).doesNotContain("s3cret").doesNotContain("app");
    assertThat(credentials.password()).isEqualTo("s3cret");
  }

  private static List<Object> dataSources() throws Exception {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(URL);
    hikari.setUsername("app");
    hikari.setPassword("s3cret");
    BasicDataSource dbcp2 = new BasicDataSource();
    dbcp2.setUrl(URL);
    dbcp2.setUsername("app");
    dbcp2.setPassword("s3cret");
    org.apache.tomcat.jdbc.pool.DataSource tomcat = new org.apache.tomcat.jdbc.pool.DataSource();
    tomcat.setUrl(URL);
    tomcat.setUsername("app");
    tomcat.setPassword("s3cret");
    ComboPooledDataSource c3p0 = new ComboPooledDataSource();
    c3p0.setJdbcUrl(URL);
    c3p0.setUser("app");
    c3p0.setPassword("s3cret");
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(URL);
    pg.setUser("app");
    pg.setPassword("s3cret");
    return List.of(hikari, dbcp2, tomcat, c3p0, pg);
  }
}
