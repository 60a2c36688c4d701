package dev.vigil.soc.rule.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.rule.AggregationKind;
import dev.vigil.soc.rule.AlertDetailsOverride;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.DetailsFormat;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.EntityType;
import dev.vigil.soc.rule.FieldMapping;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.workspace.api.ResultTable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a run's results into {@code SecurityAlert} rows as Sentinel writes the alerts of its
 * scheduled and near-real-time rules: product "Azure Sentinel", provider "ASI Scheduled Alerts",
 * {@code AlertType} {@code <workspace>_<ruleId>}, entities from the mappings, custom details and the
 * run's query, period and trigger in {@code ExtendedProperties}.
 */
public final class SecurityAlertRows {
    public static final String PRODUCT_NAME = "Azure Sentinel";
    public static final String PROVIDER_NAME = "ASI Scheduled Alerts";
    /** Sentinel's limit: a run raises at most this many alerts, however many results it has. */
    public static final int MAX_ALERTS_PER_RUN = 150;
    /** How many values of one custom detail a single alert for a whole run keeps. */
    static final int MAX_DETAIL_VALUES = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityAlertRows() {
    }

    /** {@code AlertType} of a rule's alerts, by which they are found again. */
    public static String alertType(String workspaceId, String ruleId) {
        return workspaceId + "_" + ruleId;
    }

    /** The alerts of a triggered run; a run triggered with no results (e.g. "fewer than 1") raises one alert for the run. */
    static List<Map<String, Object>> build(AlertRule rule, ResultTable results, RunContext run) {
        QueryRuleProperties properties = (QueryRuleProperties) rule.properties();
        DetectionQuery detection = properties.detection();
        List<List<Object>> rows = results.rows();
        List<Map<String, Object>> alerts = new ArrayList<>();
        if (rows.isEmpty()) {
            alerts.add(alert(rule, results, rows, run, "run"));
        } else if (detection.aggregationKind() == AggregationKind.AlertPerResult) {
            for (int i = 0; i < rows.size() && i < MAX_ALERTS_PER_RUN; i++) {
                alerts.add(alert(rule, results, List.of(rows.get(i)), run, i + "\n" + rows.get(i)));
            }
        } else {
            alerts.add(alert(rule, results, rows, run, "run"));
        }
        return alerts;
    }

    private static Map<String, Object> alert(AlertRule rule, ResultTable results, List<List<Object>> rows, RunContext run, String resultKey) {
        QueryRuleProperties properties = (QueryRuleProperties) rule.properties();
        DetectionQuery detection = properties.detection();
        Function<String, Object> first = column -> rows.isEmpty() ? null : value(results, rows.get(0), column);
        Optional<AlertDetailsOverride> override = detection.alertDetailsOverride();
        String displayName = override.flatMap(AlertDetailsOverride::alertDisplayNameFormat).map(f -> new DetailsFormat(f).render(first))
                .filter(s -> !s.isBlank()).orElse(properties.displayName());
        String description = override.flatMap(AlertDetailsOverride::alertDescriptionFormat).map(f -> new DetailsFormat(f).render(first))
                .filter(s -> !s.isBlank()).orElse(properties.description());
        AlertSeverity severity = override.flatMap(AlertDetailsOverride::alertSeverityColumnName).map(first)
                .flatMap(v -> AlertSeverity.parse(v.toString())).orElse(detection.severity());
        String tactics = override.flatMap(AlertDetailsOverride::alertTacticsColumnName).map(first).map(Object::toString)
                .filter(s -> !s.isBlank()).orElse(String.join(", ", detection.tactics()));
        List<Map<String, Object>> entities = entities(detection, results, rows);
        Map<String, List<String>> customDetails = customDetails(detection, results, rows);
        String systemAlertId = UUID.nameUUIDFromBytes((run.workspaceId() + "\n" + rule.id() + "\n" + run.runKey() + "\n" + resultKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant[] span = timeSpan(results, rows).orElse(new Instant[] {run.queryStart(), run.queryEnd()});

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", run.timeGenerated().toString());
        row.put("DisplayName", displayName);
        row.put("AlertName", displayName);
        row.put("AlertSeverity", severity.name());
        row.put("Description", description);
        row.put("ProviderName", PROVIDER_NAME);
        row.put("VendorName", "Microsoft");
        row.put("VendorOriginalId", systemAlertId);
        row.put("SystemAlertId", systemAlertId);
        row.put("ResourceId", "");
        row.put("AlertType", alertType(rule.workspaceId(), rule.id()));
        row.put("ConfidenceLevel", "");
        row.put("IsIncident", false);
        row.put("StartTime", span[0].toString());
        row.put("EndTime", span[1].toString());
        row.put("ProcessingEndTime", run.processingEnd().toString());
        row.put("RemediationSteps", "[]");
        row.put("ExtendedProperties", json(extendedProperties(rule, results.rows().size(), run, customDetails)));
        row.put("Entities", json(entities));
        row.put("SourceSystem", "Detection");
        row.put("ProductName", PRODUCT_NAME);
        row.put("ProductComponentName", properties instanceof ScheduledRuleProperties ? "Scheduled Alerts" : "NRT Alerts");
        row.put("Status", "New");
        row.put("CompromisedEntity", compromisedEntity(entities));
        row.put("Tactics", tactics);
        row.put("Techniques", json(detection.techniques()));
        row.put("SubTechniques", "");
        return row;
    }

    private static Map<String, Object> extendedProperties(AlertRule rule, int resultCount, RunContext run, Map<String, List<String>> customDetails) {
        QueryRuleProperties properties = (QueryRuleProperties) rule.properties();
        Map<String, Object> extended = new LinkedHashMap<>();
        extended.put("Query", properties.detection().query());
        extended.put("Query Start Time UTC", run.queryStart().toString());
        extended.put("Query End Time UTC", run.queryEnd().toString());
        if (properties instanceof ScheduledRuleProperties scheduled) {
            extended.put("Query Period", TimespanFormat.of(scheduled.schedule().queryPeriod()));
            extended.put("Trigger Operator", scheduled.schedule().triggerOperator().name());
            extended.put("Trigger Threshold", Integer.toString(scheduled.schedule().triggerThreshold()));
        }
        extended.put("Search Query Results Overall Count", Integer.toString(resultCount));
        extended.put("Event Grouping", properties.detection().aggregationKind().name());
        extended.put("Analytic Rule Ids", json(List.of(rule.id())));
        extended.put("Analytic Rule Name", properties.displayName());
        extended.put("ProcessedBySentinel", "True");
        if (!customDetails.isEmpty()) {
            extended.put("Custom Details", json(customDetails));
        }
        return extended;
    }

    private static List<Map<String, Object>> entities(DetectionQuery detection, ResultTable results, List<List<Object>> rows) {
        Set<Map<String, Object>> found = new LinkedHashSet<>();
        for (List<Object> row : rows) {
            for (EntityMapping mapping : detection.entityMappings()) {
                Map<String, Object> entity = new LinkedHashMap<>();
                for (FieldMapping field : mapping.fieldMappings()) {
                    Object value = value(results, row, field.columnName());
                    if (value != null && !value.toString().isBlank()) {
                        entity.put(field.identifier(), value);
                    }
                }
                if (!entity.isEmpty()) {
                    entity.put("Type", EntityType.named(mapping.entityType()).map(EntityType::entityJsonType).orElse(mapping.entityType()));
                    found.add(entity);
                }
            }
            for (String column : detection.sentinelEntitiesMappings()) {
                found.addAll(parsedEntities(value(results, row, column)));
            }
        }
        List<Map<String, Object>> numbered = new ArrayList<>();
        int id = 1;
        for (Map<String, Object> entity : found) {
            Map<String, Object> withId = new LinkedHashMap<>();
            withId.put("$id", Integer.toString(id++));
            entity.forEach((k, v) -> {
                if (!k.equals("$id")) {
                    withId.put(k, v);
                }
            });
            numbered.add(withId);
        }
        return numbered;
    }

    /** Entities already in Sentinel's form (a JSON array of objects with {@code Type}); anything else is ignored. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parsedEntities(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = JSON.readTree(value.toString());
            List<Map<String, Object>> entities = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (item.isObject() && item.has("Type")) {
                        Map<String, Object> entity = JSON.convertValue(item, LinkedHashMap.class);
                        entity.remove("$id");
                        entities.add(entity);
                    }
                }
            }
            return entities;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static Map<String, List<String>> customDetails(DetectionQuery detection, ResultTable results, List<List<Object>> rows) {
        Map<String, List<String>> details = new LinkedHashMap<>();
        detection.customDetails().forEach((name, column) -> {
            Set<String> values = new LinkedHashSet<>();
            for (List<Object> row : rows) {
                Object value = value(results, row, column);
                if (value != null && values.size() < MAX_DETAIL_VALUES) {
                    values.add(value.toString());
                }
            }
            details.put(name, List.copyOf(values));
        });
        return details;
    }

    private static String compromisedEntity(List<Map<String, Object>> entities) {
        for (Map<String, Object> entity : entities) {
            for (String identifier : List.of("DeviceId", "HostName", "Name", "Address")) {
                if (entity.get(identifier) != null) {
                    return entity.get(identifier).toString();
                }
            }
        }
        return "";
    }

    /** The earliest and latest {@code TimeGenerated} among the rows, when the results have that column. */
    private static Optional<Instant[]> timeSpan(ResultTable results, List<List<Object>> rows) {
        int index = index(results, "TimeGenerated");
        if (index < 0 || results.columns().get(index).type() != KqlType.DATETIME) {
            return Optional.empty();
        }
        Instant min = null;
        Instant max = null;
        for (List<Object> row : rows) {
            Object value = row.get(index);
            if (value != null) {
                Instant time = Instant.parse(value.toString());
                min = min == null || time.isBefore(min) ? time : min;
                max = max == null || time.isAfter(max) ? time : max;
            }
        }
        return min == null ? Optional.empty() : Optional.of(new Instant[] {min, max});
    }

    static Object value(ResultTable results, List<Object> row, String column) {
        int index = index(results, column);
        return index < 0 ? null : row.get(index);
    }

    private static int index(ResultTable results, String column) {
        List<ColumnSchema> columns = results.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
