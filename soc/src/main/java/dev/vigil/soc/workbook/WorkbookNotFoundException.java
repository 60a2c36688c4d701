package dev.vigil.soc.workbook;

/** No workbook, or no template, of that id. */
public final class WorkbookNotFoundException extends WorkbookException {
    public WorkbookNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NotFound";
    }

    @Override
    public int status() {
        return 404;
    }
}
