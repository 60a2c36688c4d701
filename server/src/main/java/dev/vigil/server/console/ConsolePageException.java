package dev.vigil.server.console;

/** A console request that cannot be answered as asked: shown as a page (or, to htmx, a message) with this status. */
public final class ConsolePageException extends RuntimeException {
    private final int status;
    private final String title;

    public ConsolePageException(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    public static ConsolePageException notFound(String message) {
        return new ConsolePageException(404, "Not found", message);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
