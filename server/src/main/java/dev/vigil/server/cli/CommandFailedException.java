package dev.vigil.server.cli;

/** Why a command that talks to the server could not do its work, with the exit code that says so. */
final class CommandFailedException extends Exception {
    /** The server could not be reached. */
    static final int EXIT_UNREACHABLE = 3;
    /** The server refused the request (bad KQL, unknown workspace or table, bad argument...). */
    static final int EXIT_REJECTED = 4;
    /** No API key, or the server did not accept it. */
    static final int EXIT_UNAUTHORIZED = 5;

    private final int exitCode;

    CommandFailedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
