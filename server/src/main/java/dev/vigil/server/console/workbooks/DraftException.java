package dev.vigil.server.console.workbooks;

/** An edit the workbook editor cannot take; {@link #field()} is the form field it concerns, shown beside the message. */
final class DraftException extends RuntimeException {
    private final String field;

    DraftException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
