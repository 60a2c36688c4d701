package dev.vigil.server.api.content;

import dev.vigil.soc.content.ImportOutcome;
import dev.vigil.soc.content.ImportStatus;
import dev.vigil.soc.content.PackInstallation;
import dev.vigil.soc.content.PackItem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack installation's answer: an item per rule, hunting query, function, workbook or playbook
 * (as an import answers it, with {@code needs}), a count per status, and what the pack needs:
 * each table its items read with the rows it holds now, the connectors they name, and the settings its playbooks use.
 */
record PackInstallationJson(String pack, List<Map<String, Object>> value, Map<String, Integer> summary, Needs needs, List<String> skipped) {

    record Needs(List<TableNeed> tables, List<String> connectors, List<String> settings) {
    }

    record TableNeed(String name, long rows) {
    }

    static PackInstallationJson of(PackInstallation installation) {
        Map<ImportStatus, Integer> counts = new EnumMap<>(ImportStatus.class);
        for (ImportStatus status : ImportStatus.values()) {
            counts.put(status, 0);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (PackItem item : installation.items()) {
            ImportOutcome outcome = item.outcome();
            counts.merge(outcome.status(), 1, Integer::sum);
            Map<String, Object> json = ImportAnswerJson.item(outcome);
            // ContentNeeds is written as it is: {"tables":[...],"connectors":[...],"settings":[...]}
            json.put("needs", item.needs());
            items.add(json);
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        counts.forEach((status, count) -> summary.put(status.name(), count));
        List<TableNeed> tables = new ArrayList<>();
        installation.tableRows().forEach((name, rows) -> tables.add(new TableNeed(name, rows)));
        return new PackInstallationJson(installation.pack(), items, summary, new Needs(tables, installation.connectors(), installation.settings()), installation.skipped());
    }
}
