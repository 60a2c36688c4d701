package dev.vigil.workspace.duckdb;

import dev.vigil.kql.ObfuscatedStrings;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.QueryExecutionException;

/**
 * A failed query's error with the values of its obfuscated string literals ({@code h'…'}) masked,
 * before it reaches the caller, the audit and the logs: a compile error or DuckDB's may quote a
 * value. A masked execution error drops its cause, whose message still holds the value.
 */
final class ObfuscatedErrors {
    private ObfuscatedErrors() {
    }

    static KqlQueryException masked(KqlQueryException error, String queryText) {
        if (!ObfuscatedStrings.any(queryText)) {
            return error;
        }
        return new KqlQueryException(error.diagnostics().stream()
                .map(d -> new KqlDiagnostic(d.code(), d.severity(), ObfuscatedStrings.maskedIn(d.message(), queryText), d.start(), d.length(),
                        d.line(), d.column()))
                .toList());
    }

    static QueryExecutionException masked(QueryExecutionException error, String queryText) {
        if (!ObfuscatedStrings.any(queryText)) {
            return error;
        }
        String message = ObfuscatedStrings.maskedIn(error.getMessage(), queryText);
        return message.equals(error.getMessage()) && !causeHolds(error, queryText) ? error : new QueryExecutionException(message, null);
    }

    private static boolean causeHolds(Throwable error, String queryText) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !ObfuscatedStrings.maskedIn(message, queryText).equals(message)) {
                return true;
            }
        }
        return false;
    }
}
