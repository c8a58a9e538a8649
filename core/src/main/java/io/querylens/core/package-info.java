/** Public values of QueryLens: query shapes, executions and snapshots. */
package io.querylens.core;
