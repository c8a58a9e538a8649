package io.querylens.core.internal;

import io.querylens.core.UnitOfWork;

/** The scope handed out while diagnosis is switched off: it only keeps its name. */
final class DisabledUnitOfWork implements UnitOfWork {
  private final String name;

  DisabledUnitOfWork(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {}
}
