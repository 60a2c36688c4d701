package dev.vigil.soc.workbook;

import java.util.Map;

/** A refused request about workbooks; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class WorkbookException extends RuntimeException
        permits InvalidWorkbookException, WorkbookNotFoundException, WorkbookEtagMismatchException {

    WorkbookException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();

    public Map<String, Object> innerError() {
        return Map.of();
    }
}
