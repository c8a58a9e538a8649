package io.querylens.core;

/**
 * Units of work of one name (a scope's name, a route such as {@code GET /owners/{id}}, a thread's
 * name): how many ended, their executions and split in total, and the slowest one's split.
 *
 * @param name the unit name
 * @param units units of this name that ended
 * @param executions executions in them
 * @param total their split summed
 * @param slowest the split of the slowest single unit (by {@link TimeSplit#totalNanos()})
 * @param findings findings raised in units of this name
 */
public record UnitSnapshot(
    String name, long units, long executions, TimeSplit total, TimeSplit slowest, long findings) {}
