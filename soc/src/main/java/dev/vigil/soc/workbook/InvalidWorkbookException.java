package dev.vigil.soc.workbook;

import java.util.Map;

/** A workbook document or request that cannot be taken: {@link #path()} is the JSON path of the wrong value, e.g. {@code items[2].type}. */
public final class InvalidWorkbookException extends WorkbookException {
    private final String path;

    public InvalidWorkbookException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }

    @Override
    public String code() {
        return "InvalidWorkbook";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("path", path);
    }
}
