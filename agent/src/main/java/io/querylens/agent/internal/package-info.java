/**
 * The agent's class rewriting, servlet requests as units of work, argument parsing, attach client
 * and stderr logging. Internal: not part of the public API.
 */
package io.querylens.agent.internal;
