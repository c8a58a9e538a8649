/**
 * The agent's Byte Buddy setup, advice, servlet requests as units of work, argument parsing, attach
 * client and stderr logging. Internal: not part of the public API.
 */
package io.querylens.agent.internal;
