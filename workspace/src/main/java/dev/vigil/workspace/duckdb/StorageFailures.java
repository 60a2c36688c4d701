package dev.vigil.workspace.duckdb;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Storage failures in words: for the operator at start, for health reports, and for the client whose rows were refused. */
final class StorageFailures {
    /** DuckDB's error types that come from the data written, not from the files or the engine. */
    private static final List<String> DATA_ERRORS = List.of("Invalid Input Error", "Conversion Error", "Out of Range Error", "Constraint Error");

    private StorageFailures() {
    }

    /** Whether DuckDB refused the data of a write, so that another write may succeed. */
    static boolean isDataError(SQLException e) {
        String message = QueryRunner.readable(e);
        return DATA_ERRORS.stream().anyMatch(message::startsWith);
    }

    /**
     * The reason of a data error without its location in the spool file, which means nothing to
     * the client and names a file of the server: the last clause of DuckDB's first line, as in
     * {@code Malformed JSON in file "…", at byte 14 in line 2: no low surrogate in string.}
     */
    static String engineReason(SQLException e, Path dataDirectory) {
        String message = QueryRunner.readable(e);
        int lastClause = message.lastIndexOf(": ");
        String reason = lastClause < 0 ? message : message.substring(lastClause + 2);
        return reason.contains(dataDirectory.toAbsolutePath().normalize().toString())
                ? "the engine's message names a file of the server; the server log has it" : reason;
    }

    /** A file system failure as the operator needs it: which file, and what is wrong with it. */
    static String describe(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a directory";
        }
        if (e instanceof NotDirectoryException notDirectory) {
            return notDirectory.getFile() + " is not a directory";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getFile() + ": " + system.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The text with the data directory's location taken out (a file in it is named by its path
     * within it), for reports that reach users who need not know where the server keeps its data.
     */
    static String withinDataDirectory(String text, Path dataDirectory) {
        String absolute = dataDirectory.toAbsolutePath().normalize().toString();
        return text.replace(absolute + dataDirectory.getFileSystem().getSeparator(), "").replace(absolute, ".");
    }
}
