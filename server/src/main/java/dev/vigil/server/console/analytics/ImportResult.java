package dev.vigil.server.console.analytics;

import java.util.List;
import java.util.Optional;

/**
 * What Analytics' Import did: a row per rule or hunting query of the files sent, and a line of counts.
 *
 * @param message why nothing was imported (no file chosen, no permission), when that is the answer
 */
public record ImportResult(List<Row> rows, String summary, Optional<String> message, ActiveRules rules) {

    /**
     * One item of the import.
     *
     * @param detail the refusal's reason and message, or the note of an unchanged item
     */
    public record Row(String file, String kind, String name, String status, String detail) {
        public boolean refused() {
            return status.equals("Refused");
        }
    }

    public ImportResult {
        rows = List.copyOf(rows);
    }
}
