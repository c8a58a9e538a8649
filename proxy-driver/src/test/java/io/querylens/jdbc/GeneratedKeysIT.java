package io.querylens.jdbc;

import io.querylens.testing.GeneratedKeysSuite;

/** Conformance of the proxy driver and DataSource wrapper: generated keys. */
class GeneratedKeysIT extends GeneratedKeysSuite {
  GeneratedKeysIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
