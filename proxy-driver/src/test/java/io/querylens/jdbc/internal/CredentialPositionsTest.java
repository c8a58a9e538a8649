package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Database;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Puts a marker into every credential position of every URL grammar QueryLens reads, with the
 * punctuation those grammars give meaning to mixed in, and checks that no piece of it is shown by
 * {@link JdbcUrl#redact} or told in the {@link Database}. The seeds are fixed: every run tries the
 * same URLs.
 */
class CredentialPositionsTest {
  /** The marker's pieces, in this order, with punctuation between them when it is mixed in. */
  private static final String[] PIECES = {"Qz7", "Wv9", "Kx4"};

  private static final String PUNCTUATION = "/:@;&?=%#,(){}[]\"'\\+! \t";
  private static final String USER_PUNCTUATION = "._-@";
  private static final List<String> SECRET_KEYS =
      List.of(
          "password",
          "PASSWORD",
          "Password",
          " password ",
          "password =",
          "passwd",
          "pwd",
          "Pwd",
          "pass",
          "passphrase",
          "password1",
          "password_2",
          "%70assword",
          "p%61ssword",
          "%2570assword",
          "sslpassword",
          "trustStorePassword",
          "javax.net.ssl.keyStorePassword",
          "secret",
          "clientSecret",
          "token",
          "accessToken",
          "apikey",
          "access_key",
          "private_key",
          "credentials",
          "auth");

  private static final int SEEDS = 60;

  /**
   * A URL with {@code {S}} where a secret goes, {@code {U}} where a user name goes and {@code {K}}
   * where a secret's key goes, and the database it names when they hold nothing special.
   */
  record Template(String url, Database database) {
    @Override
    public String toString() {
      return url;
    }
  }

  static final List<Template> TEMPLATES =
      List.of(
          t("jdbc:postgresql://db.example:5433/app?user={U}&{K}={S}", "postgresql", "app", 5433),
          t("jdbc:postgresql://db.example/app?ssl=true&{K}={S}&sslmode=require", "postgresql"),
          t("jdbc:postgresql://db.example:5433,db2.example/app?{K}={S}", "postgresql", "app", 5433),
          t("jdbc:postgresql://[::1]:5433/app?{K}={S}", "postgresql", "[::1]", "app", 5433),
          t("jdbc:postgresql://{U}:{S}@db.example/app", "postgresql"),
          t("jdbc:postgresql:app?user={U}&{K}={S}", "postgresql", null, "app", -1),
          t("jdbc:pgsql://db.example/app?{K}={S}", "postgresql"),
          t("jdbc:mysql://{U}:{S}@db.example:3307/app", "mysql", "app", 3307),
          t("jdbc:mysql://db.example/app?user={U}&{K}={S}&useSSL=false", "mysql"),
          t("jdbc:mysql:loadbalance://db.example,db2.example/app?{K}={S}", "mysql"),
          t("jdbc:mysql:replication://{U}:{S}@db.example,db2.example/app", "mysql"),
          t("jdbc:mysql://{U}:{S}@[db.example:3307,db2.example]/app", "mysql", "app", 3307),
          t(
              "jdbc:mysql://address=(host=db.example)(port=3307)(user={U})({K}={S})/app",
              "mysql",
              "db.example",
              null,
              3307),
          t(
              "jdbc:mysql://(host=db.example,port=3307,user={U},{K}={S})/app",
              "mysql",
              "db.example",
              null,
              3307),
          t("jdbc:mariadb://{U}:{S}@db.example/app?trustStorePassword={S}", "mariadb"),
          t("jdbc:mariadb:sequential://db.example,db2.example/app?{K}={S}", "mariadb"),
          t("jdbc:h2:mem:app;USER={U};{K}={S}", "h2database", null, "app", -1),
          t("jdbc:h2:file:/data/app;CIPHER=AES;{K}={S}", "h2database", null, "app", -1),
          t("jdbc:h2:tcp://db.example:9093/~/app;USER={U};{K}={S}", "h2database", "~/app", 9093),
          t("jdbc:h2:ssl://{U}:{S}@db.example/mem:app", "h2database"),
          t("jdbc:oracle:thin:{U}/{S}@db.example:1522:app", "oracle.db", "app", 1522),
          t("jdbc:oracle:thin:{U}/{S}@//db.example:1522/app", "oracle.db", "app", 1522),
          t("jdbc:oracle:thin:{U}/{S}@db.example/app", "oracle.db"),
          t("jdbc:oracle:thin:{U}/\"{S}\"@db.example:1522/app", "oracle.db", "app", 1522),
          t(
              "jdbc:oracle:thin:{U}/{S}@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db.example)"
                  + "(PORT=1522))(CONNECT_DATA=(SERVICE_NAME=app)))",
              "oracle.db",
              "app",
              1522),
          t("jdbc:oracle:thin:{U}/{S}@app_alias", "oracle.db", null, null, -1),
          t("jdbc:oracle:oci:{U}/{S}@db.example:1522/app", "oracle.db", "app", 1522),
          t(
              "jdbc:oracle:thin:@tcps://db.example:2484/app?wallet_{K}={S}",
              "oracle.db",
              "app",
              2484),
          t(
              "jdbc:sqlserver://db.example:1533;databaseName=app;user={U};{K}={S}",
              "microsoft.sql_server",
              "app",
              1533),
          t(
              "jdbc:sqlserver://db.example\\SQLEXPRESS;database=app;{K}={{S}};encrypt=true",
              "microsoft.sql_server",
              "db.example",
              "app",
              -1),
          t("jdbc:sqlserver://db.example;databaseName=app;accessToken={S}", "microsoft.sql_server"),
          t(
              "jdbc:sqlserver://db.example;databaseName=app;aadSecurePrincipalSecret={S}",
              "microsoft.sql_server"),
          t("jdbc:sqlserver://{U}:{S}@db.example;databaseName=app", "microsoft.sql_server"),
          t("jdbc:jtds:sqlserver://db.example/app;user={U};{K}={S}", "microsoft.sql_server"),
          t("jdbc:jtds:sybase://db.example:5000/app;{K}={S}", "other_sql", "app", 5000),
          t("jdbc:db2://db.example:50001/app:user={U};{K}={S};", "ibm.db2", "app", 50001),
          t("jdbc:db2://db.example/app:sslTrustStorePassword={S};", "ibm.db2"),
          t("jdbc:db2://{U}:{S}@db.example/app", "ibm.db2"),
          t("jdbc:as400://db.example/app;user={U};{K}={S}", "ibm.db2", "app", -1),
          t("jdbc:sqlite:/data/app.db?{K}={S}", "sqlite", null, "app.db", -1),
          t("jdbc:sqlite:file:app.db?cipher=sqlcipher&key={S}", "sqlite", null, "app.db", -1),
          t("jdbc:hsqldb:hsql://db.example:9001/app;user={U};{K}={S}", "hsqldb", "app", 9001),
          t("jdbc:hsqldb:mem:app;user={U};{K}={S}", "hsqldb", null, "app", -1),
          t("jdbc:hsqldb:file:/data/app;crypt_key={S};crypt_type=AES", "hsqldb", null, "app", -1),
          t("jdbc:derby://db.example:1527/app;user={U};{K}={S}", "derby", "app", 1527),
          t("jdbc:derby:memory:app;create=true;user={U};{K}={S}", "derby", null, "app", -1),
          t("jdbc:derby:/data/app;bootPassword={S}", "derby", null, "app", -1),
          t("jdbc:frobdb://{U}:{S}@db.example:7000/app", "other_sql", "app", 7000),
          t("jdbc:frobdb://db.example/app;{K}={S}", "other_sql", "app", -1),
          t("jdbc:frobdb:{U}/{S}@db.example", "other_sql", null, null, -1),
          t(
              "jdbc:informix-sqli://db.example:1533/app:INFORMIXSERVER=x;user={U};{K}={S}",
              "other_sql",
              "app",
              1533),
          t("jdbc:querylens:postgresql://db.example/app?{K}={S}", "postgresql"),
          t("jdbc:querylens:jdbc:mysql://{U}:{S}@db.example/app", "mysql"));

  /** A template on {@code db.example}, database {@code app}, at the vendor's default port. */
  private static Template t(String url, String system) {
    return t(url, system, "app", defaultPort(system));
  }

  private static Template t(String url, String system, String namespace, int port) {
    return t(url, system, "db.example", namespace, port);
  }

  private static Template t(String url, String system, String host, String namespace, int port) {
    return new Template(url, new Database(system, namespace, host, port));
  }

  private static int defaultPort(String system) {
    switch (system) {
      case "postgresql":
        return 5432;
      case "mysql":
      case "mariadb":
        return 3306;
      case "oracle.db":
        return 1521;
      case "microsoft.sql_server":
        return 1433;
      case "ibm.db2":
        return 50000;
      case "h2database":
        return 9092;
      default:
        return -1;
    }
  }

  static Stream<String> markedUrls() {
    return IntStream.range(0, TEMPLATES.size())
        .boxed()
        .flatMap(
            t ->
                IntStream.range(0, SEEDS)
                    .mapToObj(seed -> fill(TEMPLATES.get(t), new Random(t * 1_000L + seed), true)));
  }

  @ParameterizedTest
  @MethodSource("markedUrls")
  void noPieceOfAMarkerIsShownOrTold(String url) {
    assertThat(JdbcUrl.redact(url)).doesNotContain(PIECES);
    assertThat(Databases.parse(url).toString()).doesNotContain(PIECES);
  }

  static Stream<Template> templates() {
    return TEMPLATES.stream();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void withPlainCredentialsTheDatabaseIsStillTold(Template template) {
    String url = fill(template, new Random(TEMPLATES.indexOf(template)), false);
    assertThat(Databases.parse(url)).isEqualTo(template.database());
    assertThat(JdbcUrl.redact(url)).doesNotContain(PIECES).contains("***");
  }

  /** {@code template}'s URL with markers, punctuated or not, and a secret key in their places. */
  private static String fill(Template template, Random random, boolean punctuated) {
    String url = template.url();
    while (url.contains("{S}")) {
      url = url.replaceFirst("\\{S}", quoted(marker(random, punctuated ? PUNCTUATION : "")));
    }
    while (url.contains("{U}")) {
      url = url.replaceFirst("\\{U}", quoted(marker(random, punctuated ? USER_PUNCTUATION : ".")));
    }
    while (url.contains("{K}")) {
      url = url.replaceFirst("\\{K}", quoted(SECRET_KEYS.get(random.nextInt(SECRET_KEYS.size()))));
    }
    return url;
  }

  /** The pieces, with up to two characters of {@code punctuation} before, between and after. */
  private static String marker(Random random, String punctuation) {
    StringBuilder marker = new StringBuilder();
    for (int i = 0; i <= PIECES.length; i++) {
      int n = punctuation.isEmpty() ? 0 : random.nextInt(3);
      for (int j = 0; j < n; j++) {
        marker.append(punctuation.charAt(random.nextInt(punctuation.length())));
      }
      if (i < PIECES.length) {
        marker.append(PIECES[i]);
      }
    }
    return marker.toString();
  }

  private static String quoted(String replacement) {
    return java.util.regex.Matcher.quoteReplacement(replacement);
  }
}
