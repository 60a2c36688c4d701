/**
 * The {@code Notebook/1.0} document of a workbook read into typed items (text, query, parameters,
 * links, group; anything else kept as {@link dev.vigil.soc.workbook.notebook.UnsupportedItem}),
 * each keeping its JSON so that a document saves back as it came.
 */
package dev.vigil.soc.workbook.notebook;
