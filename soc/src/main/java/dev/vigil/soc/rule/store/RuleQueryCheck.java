package dev.vigil.soc.rule.store;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.soc.rule.AlertDetailsOverride;
import dev.vigil.soc.rule.DetailsFormat;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.FieldMapping;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryExplanation;
import dev.vigil.workspace.api.QueryRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles a rule's query against the workspace, as it is now, and checks that every column the
 * rule reads from the results (entities, custom details, overrides) is among the query's output
 * columns, and that the query gives one result table. A query that does not compile throws the workspace's {@code KqlQueryException}, which
 * carries line and column.
 */
final class RuleQueryCheck {
    private RuleQueryCheck() {
    }

    static void check(LogStore logStore, String workspaceId, DetectionQuery detection) {
        QueryExplanation explanation = logStore.explain(workspaceId, QueryRequest.of(detection.query()));
        if (explanation.tables().size() > 1) {
            throw new InvalidAlertRuleException("properties.query", "the query gives " + explanation.tables().size()
                    + " result tables (" + String.join(", ", explanation.tables()) + "), and a rule reads one: keep one tabular statement, "
                    + "without fork, facet or funnel_sequence at its end");
        }
        List<ColumnSchema> output = explanation.columns();
        Set<String> columns = output.stream().map(ColumnSchema::name).collect(Collectors.toSet());
        for (int i = 0; i < detection.entityMappings().size(); i++) {
            EntityMapping mapping = detection.entityMappings().get(i);
            for (int j = 0; j < mapping.fieldMappings().size(); j++) {
                FieldMapping field = mapping.fieldMappings().get(j);
                require(columns, field.columnName(), "properties.entityMappings[" + i + "].fieldMappings[" + j + "].columnName");
            }
        }
        for (int i = 0; i < detection.sentinelEntitiesMappings().size(); i++) {
            require(columns, detection.sentinelEntitiesMappings().get(i), "properties.sentinelEntitiesMappings[" + i + "].columnName");
        }
        detection.customDetails().forEach((name, column) -> require(columns, column, "properties.customDetails." + name));
        for (String detail : detection.incidentConfiguration().groupingConfiguration().groupByCustomDetails()) {
            if (!detection.customDetails().containsKey(detail)) {
                throw new InvalidAlertRuleException("properties.incidentConfiguration.groupingConfiguration.groupByCustomDetails",
                        "'" + detail + "' is not one of the rule's custom details");
            }
        }
        if (detection.alertDetailsOverride().isPresent()) {
            AlertDetailsOverride override = detection.alertDetailsOverride().get();
            String at = "properties.alertDetailsOverride.";
            override.alertDisplayNameFormat().ifPresent(f -> new DetailsFormat(f).columns().forEach(c -> require(columns, c, at + "alertDisplayNameFormat")));
            override.alertDescriptionFormat().ifPresent(f -> new DetailsFormat(f).columns().forEach(c -> require(columns, c, at + "alertDescriptionFormat")));
            override.alertTacticsColumnName().ifPresent(c -> require(columns, c, at + "alertTacticsColumnName"));
            override.alertSeverityColumnName().ifPresent(c -> require(columns, c, at + "alertSeverityColumnName"));
        }
    }

    private static void require(Set<String> columns, String column, String property) {
        if (!columns.contains(column)) {
            throw new InvalidAlertRuleException(property, "the query's results have no column '" + column + "' (they have "
                    + columns.stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
    }
}
