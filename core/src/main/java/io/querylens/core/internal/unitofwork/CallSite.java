package io.querylens.core.internal.unitofwork;

import io.querylens.core.Phase;

/**
 * What one stack walk found: the call site's text ({@code com.example.A.m(A.java:42)}), the phase
 * the stack shows, and whether a schema or data script runner is on it ({@link StartupFrames}).
 */
record CallSite(String text, Phase phase, boolean script) {
  /** When the stack cannot be walked. */
  static final CallSite UNKNOWN = new CallSite(CallSites.UNKNOWN, Phase.RUNTIME, false);
}
