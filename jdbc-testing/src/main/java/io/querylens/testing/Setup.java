package io.querylens.testing;

/**
 * One parameter of a conformance test: a database, an instrumentation mode, with or without a pool.
 */
public record Setup(TestDatabase database, InstrumentationMode mode, boolean pooled) {

  @Override
  public String toString() {
    return database.id() + ", " + mode.name() + ", " + (pooled ? "hikari" : "unpooled");
  }
}
