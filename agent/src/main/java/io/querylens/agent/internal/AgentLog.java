package io.querylens.agent.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's logger, made when first used: after {@link AgentInstaller} has set {@link
 * StderrLogger}'s level, never while the agent's classes initialise in {@code premain}.
 */
final class AgentLog {
  static final Logger logger = LoggerFactory.getLogger("io.querylens.agent");

  private AgentLog() {}
}
