package io.querylens.core;

import java.util.Locale;

/**
 * When in the application's life an execution ran, as far as reports are concerned: while the
 * application was starting (schema and data scripts, migrations, the framework's start-up) or
 * afterwards, doing its work. Reports put {@link #RUNTIME} first and keep {@link #STARTUP} out of
 * their headline figures (docs/findings.md, "Phases").
 */
public enum Phase {
  /** The application doing its work: requests, jobs, anything not recognised as start-up. */
  RUNTIME,

  /**
   * Start-up: inside a schema or data script, a migration or an ORM's schema tool, or inside the
   * framework's start-up (an application context being refreshed, a servlet being initialised).
   * Runs once per start, so reports list it apart.
   */
  STARTUP;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The name reports, JSON and attributes use: {@code runtime} or {@code startup}. */
  public String label() {
    return label;
  }
}
