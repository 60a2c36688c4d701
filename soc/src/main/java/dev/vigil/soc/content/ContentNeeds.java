package dev.vigil.soc.content;

import java.util.List;

/**
 * What an item of content needs to do its work: the tables its query reads (through the functions
 * it calls, too), the data connectors its file names, and for a playbook the server settings and
 * services its steps use (outgoing HTTP, mail, device hubs, secrets).
 */
public record ContentNeeds(List<String> tables, List<String> connectors, List<String> settings) {
    public static final ContentNeeds NONE = new ContentNeeds(List.of(), List.of(), List.of());

    public ContentNeeds {
        tables = List.copyOf(tables);
        connectors = List.copyOf(connectors);
        settings = List.copyOf(settings);
    }

    /** Tables and connectors only, as rules, hunting queries, parsers and workbooks need. */
    public ContentNeeds(List<String> tables, List<String> connectors) {
        this(tables, connectors, List.of());
    }
}
