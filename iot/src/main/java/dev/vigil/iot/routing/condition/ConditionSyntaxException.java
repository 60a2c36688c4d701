package dev.vigil.iot.routing.condition;

/**
 * A route condition that does not compile; {@link #offset()} is where, 0-based, and the message
 * says what was expected there (without the position, which {@link #line()} and {@link #column()} give).
 */
public final class ConditionSyntaxException extends RuntimeException {
    private final String condition;
    private final int offset;

    ConditionSyntaxException(String condition, int offset, String message) {
        super(message);
        this.condition = condition;
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }

    /** 1-based. */
    public int line() {
        int line = 1;
        for (int i = 0; i < Math.min(offset, condition.length()); i++) {
            if (condition.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based, within {@link #line()}. */
    public int column() {
        int lineStart = condition.lastIndexOf('\n', Math.max(0, Math.min(offset, condition.length()) - 1)) + 1;
        return offset - lineStart + 1;
    }
}
