package dev.vigil.soc.workbook;

import java.util.Map;

/** A save or delete whose {@code If-Match} names a revision the workbook is no longer at. */
public final class WorkbookEtagMismatchException extends WorkbookException {
    private final String current;

    WorkbookEtagMismatchException(Workbook workbook, String given) {
        super("workbook '" + workbook.id() + "' is at etag " + workbook.etag() + ", not \"" + given.replace("\"", "") + "\"; read it again and retry");
        this.current = workbook.etag();
    }

    @Override
    public String code() {
        return "PreconditionFailed";
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("etag", current);
    }
}
