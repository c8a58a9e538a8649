/**
 * Human- and tool-facing reports of a {@link io.querylens.core.QueryLensSnapshot}: {@link
 * io.querylens.core.report.ConsoleReport} (terminal text) and {@link
 * io.querylens.core.report.JsonReport} (JSON), pure functions of the snapshot.
 */
package io.querylens.core.report;
