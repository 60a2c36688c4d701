package dev.vigil.server.console;

import dev.vigil.server.query.WorkbookRuns;
import dev.vigil.soc.workbook.WorkbookTemplates;
import dev.vigil.soc.workbook.Workbooks;

/** What the Workbooks pages call: the saved workbooks, the gallery's templates, and evaluation as the viewer. */
public record WorkbookServices(Workbooks workbooks, WorkbookTemplates templates, WorkbookRuns runs) {
}
