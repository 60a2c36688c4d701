/**
 * Workbooks, in the shape of Sentinel's: a workspace's saved workbooks (each a {@code Notebook/1.0}
 * document kept as written), the template gallery, and import of a template as published.
 */
package dev.vigil.soc.workbook;
