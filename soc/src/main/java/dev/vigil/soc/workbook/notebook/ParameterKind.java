package dev.vigil.soc.workbook.notebook;

/** A parameter's {@code type}, for the kinds Vigil gives values to; the others (resource pickers, ...) are {@link #OTHER}. */
public enum ParameterKind {
    TEXT(1), DROP_DOWN(2), TIME_RANGE(4), OTHER(-1);

    private final int code;

    ParameterKind(int code) {
        this.code = code;
    }

    public static ParameterKind of(int code) {
        for (ParameterKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return OTHER;
    }
}
