package dev.vigil.kql;

/**
 * Reads what {@code externaldata} names: the text of a file or URL, whole. Supplied by whoever runs
 * queries, which decides what may be read and how much; the compiler only parses the text.
 * Compiling without one refuses every location.
 */
@FunctionalInterface
public interface ExternalDataReader {
    /** Refuses every location: nothing outside the workspace is read. */
    ExternalDataReader NONE = location -> {
        throw new ExternalDataException("'" + location + "' was not read: this query runs where no external data is allowed");
    };

    /**
     * The text at {@code location}, decoded as UTF-8. Throws {@link ExternalDataException} with a
     * message that names the location and why it was refused or could not be read.
     */
    String read(String location);
}
