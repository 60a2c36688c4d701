package dev.vigil.kql;

/**
 * Reads what {@code externaldata} names: the bytes of a file or URL, whole. Supplied by whoever runs
 * queries, which decides what may be read and how much; the compiler decompresses and parses them.
 * Compiling without one refuses every location.
 */
@FunctionalInterface
public interface ExternalDataReader {
    /** 16 MiB: the rows become constants of the query, so lists, not logs. */
    long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    /** Refuses every location: nothing outside the workspace is read. */
    ExternalDataReader NONE = location -> {
        throw new ExternalDataException("'" + location.shown() + "' was not read: this query runs where no external data is allowed");
    };

    /**
     * The bytes at {@code location}, at most {@link #maxBytes()} of them. Throws
     * {@link ExternalDataException} with a message that names the location by its
     * {@link ExternalDataLocation#shown() shown} form and says why it was refused or could not be read.
     */
    byte[] read(ExternalDataLocation location);

    /** The most bytes one location may hold, and, once decompressed, the most its text may hold. */
    default long maxBytes() {
        return DEFAULT_MAX_BYTES;
    }
}
