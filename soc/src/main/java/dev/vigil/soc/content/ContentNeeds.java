package dev.vigil.soc.content;

import java.util.List;

/**
 * What an item of content needs to do its work: the tables its query reads (through the functions
 * it calls, too) and the data connectors its file names.
 */
public record ContentNeeds(List<String> tables, List<String> connectors) {
    public static final ContentNeeds NONE = new ContentNeeds(List.of(), List.of());

    public ContentNeeds {
        tables = List.copyOf(tables);
        connectors = List.copyOf(connectors);
    }
}
