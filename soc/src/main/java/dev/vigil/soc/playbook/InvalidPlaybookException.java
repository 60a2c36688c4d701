package dev.vigil.soc.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A playbook that cannot be saved, or a run request that cannot be met. {@link #path()} is the
 * path of the wrong value in the document, e.g. {@code steps[1].url}; for an expression or a
 * template, {@link #position()} is the 1-based character of that value where the problem starts.
 */
public final class InvalidPlaybookException extends PlaybookException {
    private final String path;
    private final OptionalInt position;

    public InvalidPlaybookException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.position = OptionalInt.empty();
    }

    public InvalidPlaybookException(String path, int position, String problem) {
        super(path + " (character " + position + "): " + problem);
        this.path = path;
        this.position = OptionalInt.of(position);
    }

    public String path() {
        return path;
    }

    public OptionalInt position() {
        return position;
    }

    @Override
    public String code() {
        return "InvalidPlaybook";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> innerError() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("path", path);
        position.ifPresent(at -> inner.put("position", at));
        return inner;
    }
}
