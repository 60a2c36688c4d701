package dev.vigil.soc.content;

import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.playbook.PlaybookDefinition;
import dev.vigil.soc.playbook.PlaybookScope;
import dev.vigil.soc.playbook.PlaybookStep;
import dev.vigil.soc.playbook.expression.Bindings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an installed playbook needs, from its steps (inside {@code if} and {@code forEach} too): the
 * tables its {@code query} steps read, the Defender for IoT connector for its device steps, and the
 * settings the others depend on.
 */
final class PlaybookNeeds {
    /** The connector device steps act through, as the rule files name Defender for IoT's. */
    static final String IOT_CONNECTOR = "IoT";

    private PlaybookNeeds() {
    }

    static ContentNeeds of(PlaybookDefinition definition, Function<String, Set<String>> tablesRead) {
        Set<String> tables = new TreeSet<>();
        Set<String> connectors = new TreeSet<>();
        Set<String> settings = new LinkedHashSet<>();
        walk(definition.steps(), definition, tablesRead, tables, connectors, settings);
        if (!definition.secrets().isEmpty()) {
            settings.add("secrets " + String.join(", ", new TreeSet<>(definition.secrets())) + " (values set on the playbook)");
        }
        return new ContentNeeds(List.copyOf(tables), List.copyOf(connectors), List.copyOf(settings));
    }

    private static void walk(List<PlaybookStep> steps, PlaybookDefinition definition, Function<String, Set<String>> tablesRead,
                             Set<String> tables, Set<String> connectors, Set<String> settings) {
        for (PlaybookStep step : steps) {
            if (step instanceof PlaybookStep.RunQuery query) {
                // the run's variables (Incident, Entities, ...) as placeholders, as saving the playbook compiles its queries
                tables.addAll(tablesRead.apply(Bindings.placeholderLets(PlaybookScope.base()) + query.query()));
            } else if (step instanceof PlaybookStep.HttpRequest) {
                settings.add("outgoing HTTP (loopback and private addresses only with " + HttpStepAllowList.OPTION + ")");
            } else if (step instanceof PlaybookStep.SendEmail) {
                settings.add(definition.smtp().isPresent() ? "the SMTP server the playbook names" : "an SMTP server (the playbook's smtp)");
            } else if (step instanceof PlaybookStep.DisableDevice || step instanceof PlaybookStep.SendDeviceMessage
                    || step instanceof PlaybookStep.SetDeviceTags || step instanceof PlaybookStep.GetDevice
                    || step instanceof PlaybookStep.InvokeDirectMethod) {
                connectors.add(IOT_CONNECTOR);
            } else if (step instanceof PlaybookStep.WatchlistLookup) {
                settings.add("watchlists of the workspace");
            } else if (step instanceof PlaybookStep.Condition condition) {
                walk(condition.then(), definition, tablesRead, tables, connectors, settings);
                walk(condition.otherwise(), definition, tablesRead, tables, connectors, settings);
            } else if (step instanceof PlaybookStep.ForEach loop) {
                walk(loop.steps(), definition, tablesRead, tables, connectors, settings);
            }
            // incident, alert and compose steps need nothing beyond the workspace
        }
    }
}
