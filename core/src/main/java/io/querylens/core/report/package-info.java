/**
 * Human- and tool-facing reports of a {@link io.querylens.core.QueryLensSnapshot}: {@link
 * io.querylens.core.report.ConsoleReport} (terminal text), {@link
 * io.querylens.core.report.JsonReport} (JSON) and {@link io.querylens.core.report.HtmlReport} (one
 * self-contained page), pure functions of the snapshot.
 */
package io.querylens.core.report;
