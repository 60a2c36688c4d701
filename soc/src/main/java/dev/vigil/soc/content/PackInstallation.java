package dev.vigil.soc.content;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What installing a content pack did, item by item, and what the pack needs as a whole.
 *
 * @param tableRows each table an installed item reads, with the rows it holds now (0: no data yet)
 * @param connectors the data connectors the pack's items name (and the IoT one its playbooks' device steps act through)
 * @param settings the server settings and services the pack's playbooks use
 * @param skipped the pack's files outside its content folders, which an installation passes over
 */
public record PackInstallation(String pack, List<PackItem> items, Map<String, Long> tableRows, List<String> connectors, List<String> settings,
                               List<String> skipped) {
    public PackInstallation {
        Objects.requireNonNull(pack, "pack");
        items = List.copyOf(items);
        tableRows = Collections.unmodifiableMap(new TreeMap<>(tableRows));
        connectors = List.copyOf(connectors);
        settings = List.copyOf(settings);
        skipped = List.copyOf(skipped);
    }
}
