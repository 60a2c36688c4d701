package dev.vigil.server.console.content;

import java.util.List;
import java.util.Optional;

/**
 * What installing a pack did, as the Content hub shows it: a row per item, the counts, what the pack needs.
 *
 * @param message why nothing was installed (no file chosen, no permission), when that is the answer
 * @param tables each table the pack's items read, with the rows it holds ({@code Syslog (no rows yet)})
 */
public record PackResult(Optional<String> message, String pack, List<Row> rows, String summary, List<String> tables, List<String> connectors,
        List<String> settings, List<String> skipped) {

    /**
     * One item of the pack.
     *
     * @param detail the refusal's reason and message, or the note of an unchanged item
     * @param reads the tables the item reads
     * @param uses the connectors and settings the item uses (a playbook's device hubs, outgoing HTTP, mail, secrets)
     */
    public record Row(String file, String kind, String name, String status, String detail, String reads, String uses) {
        public boolean refused() {
            return status.equals("Refused");
        }
    }

    public PackResult {
        rows = List.copyOf(rows);
        tables = List.copyOf(tables);
        connectors = List.copyOf(connectors);
        settings = List.copyOf(settings);
        skipped = List.copyOf(skipped);
    }

    static PackResult refused(String message) {
        return new PackResult(Optional.of(message), "", List.of(), "", List.of(), List.of(), List.of(), List.of());
    }
}
