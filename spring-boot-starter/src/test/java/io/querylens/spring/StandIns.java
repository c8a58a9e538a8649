package io.querylens.spring;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/** Class loaders that see an empty stand-in for a class this test class path lacks. */
final class StandIns {
  private StandIns() {}

  /** A child of the test class loader that also loads an empty class named {@code className}. */
  static ClassLoader loaderWith(String className) {
    return new ByteBuddy()
        .subclass(Object.class)
        .name(className)
        .make()
        .load(StandIns.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
        .getLoaded()
        .getClassLoader();
  }
}
