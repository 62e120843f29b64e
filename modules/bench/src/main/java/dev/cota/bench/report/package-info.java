/**
 * Comparison reports for benchmark runs ({@code cota bench report}): reading run directories, the
 * statistics that say whether two models differ (bootstrap confidence intervals of the mean score,
 * exact McNemar and Wilcoxon signed-rank tests on paired items), and the Markdown and
 * self-contained HTML renderings.
 */
package dev.cota.bench.report;
