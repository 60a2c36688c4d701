package dev.vigil.soc.workbook;

import dev.vigil.soc.RefusedRequestException;

/** A refused request about workbooks; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class WorkbookException extends RefusedRequestException
        permits InvalidWorkbookException, WorkbookNotFoundException, WorkbookEtagMismatchException {

    WorkbookException(String message) {
        super(message);
    }
}
