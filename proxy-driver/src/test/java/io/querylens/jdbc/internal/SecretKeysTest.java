package io.querylens.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeysTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "PASSWORD",
        " Password ",
        "password1",
        "password_2",
        "%70assword",
        "p%61ssword",
        "%2570assword",
        "pass%00word",
        "passwd",
        "pwd",
        "PW",
        "pass",
        "passphrase",
        "sslpassword",
        "trustStorePassword",
        "javax.net.ssl.keyStorePassword",
        "oracle.net.wallet_password",
        "secret",
        "clientSecret",
        "token",
        "accessToken",
        "apikey",
        "api-key",
        "access_key",
        "private key",
        "privateKey",
        "credential",
        "credentials",
        "auth",
        "authentication",
        "bearer"
      })
  void keysThatMayHoldASecret(String key) {
    assertThat(SecretKeys.isSecret(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"user", "USER", "username", "userId", "UID", "sslUser", "login", "%75ser"})
  void keysThatHoldAUserName(String key) {
    assertThat(SecretKeys.isUserName(key)).isTrue();
    assertThat(SecretKeys.isSecret(key)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"databaseName", "sslmode", "useSSL", "DB_CLOSE_DELAY", "create", "encrypt", "x"})
  void otherKeys(String key) {
    assertThat(SecretKeys.isSecret(key)).isFalse();
    assertThat(SecretKeys.isUserName(key)).isFalse();
  }
}
