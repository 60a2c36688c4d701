/**
 * Evaluating a workbook for a set of parameter values: each parameter's value (given, or its
 * default), each item's visibility, the parameters substituted into text and queries, and the
 * queries run concurrently through {@link dev.vigil.soc.workbook.evaluation.WorkbookQueries}.
 */
package dev.vigil.soc.workbook.evaluation;
