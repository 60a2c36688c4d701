package dev.vigil.soc.rule.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AggregationKind;
import dev.vigil.soc.rule.AlertDetailsOverride;
import dev.vigil.soc.rule.AlertRule;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.EntityType;
import dev.vigil.soc.rule.FieldMapping;
import dev.vigil.soc.rule.GroupingConfiguration;
import dev.vigil.soc.rule.IncidentConfiguration;
import dev.vigil.soc.rule.IncidentCreationRuleProperties;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.MatchingMethod;
import dev.vigil.soc.rule.NrtRuleProperties;
import dev.vigil.soc.rule.QuerySchedule;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.TriggerOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rules in the JSON shape of Sentinel's {@code alertRules} resource, {@code {"kind", "etag", "properties"}},
 * read with every property checked and written back the same way. The HTTP API, the template
 * gallery and the rule store all use this one shape.
 */
public final class AlertRuleJson {
    /** Sentinel's bounds for a scheduled rule's frequency and period. */
    public static final Duration MIN_SCHEDULE = Duration.ofMinutes(5);
    public static final Duration MAX_SCHEDULE = Duration.ofDays(14);
    static final Duration MAX_SUPPRESSION = Duration.ofHours(24);
    static final Duration MAX_LOOKBACK = Duration.ofDays(7);
    static final int MAX_THRESHOLD = 10_000;
    static final int MAX_ENTITY_MAPPINGS = 10;
    static final int MAX_CUSTOM_DETAILS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tactics a rule may name (Sentinel's list: ATT&CK for Enterprise and for ICS). */
    public static final List<String> TACTICS = List.of("Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution", "Persistence",
            "PrivilegeEscalation", "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement", "Collection", "Exfiltration",
            "CommandAndControl", "Impact", "PreAttack", "ImpairProcessControl", "InhibitResponseFunction");

    private AlertRuleJson() {
    }

    /** Reads {@code {"kind","properties"}}; throws {@link InvalidAlertRuleException} naming the first wrong property. */
    public static AlertRuleProperties read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidAlertRuleException("body", "must be a JSON object {\"kind\":…,\"properties\":{…}}");
        }
        JsonFields root = new JsonFields(body, "");
        String kindName = root.text("kind").orElseThrow(() -> new InvalidAlertRuleException("kind", "is required (one of " + kindNames() + ")"));
        AlertRuleKind kind = AlertRuleKind.fromArmName(kindName)
                .orElseThrow(() -> new InvalidAlertRuleException("kind", "'" + kindName + "' is not one of " + kindNames()));
        if (!body.has("properties") || !body.get("properties").isObject()) {
            throw new InvalidAlertRuleException("properties", "is required (an object)");
        }
        return readProperties(kind, new JsonFields(body.get("properties"), "properties"));
    }

    /** The etag a write names in its body, if any. */
    public static Optional<String> etag(JsonNode body) {
        JsonNode etag = body == null ? null : body.get("etag");
        return etag == null || etag.isNull() ? Optional.empty() : Optional.of(etag.asText());
    }

    private static String kindNames() {
        return String.join(", ", Arrays.stream(AlertRuleKind.values()).map(AlertRuleKind::armName).toList());
    }

    static AlertRuleProperties readProperties(AlertRuleKind kind, JsonFields p) {
        String displayName = p.requiredText("displayName");
        String description = p.text("description").orElse("");
        boolean enabled = p.bool("enabled", true);
        Optional<String> template = p.text("alertRuleTemplateName").filter(t -> !t.isBlank());
        return switch (kind) {
            case SCHEDULED -> new ScheduledRuleProperties(displayName, description, enabled, template, detection(p), schedule(p));
            case NRT -> new NrtRuleProperties(displayName, description, enabled, template, detection(p));
            case MICROSOFT_SECURITY_INCIDENT_CREATION -> incidentCreation(p, displayName, description, enabled, template);
        };
    }

    private static IncidentCreationRuleProperties incidentCreation(JsonFields p, String displayName, String description, boolean enabled,
            Optional<String> template) {
        String product = p.requiredText("productFilter");
        if (!IncidentCreationRuleProperties.PRODUCTS.contains(product)) {
            throw new InvalidAlertRuleException(p.path("productFilter"), "'" + product + "' is not one of "
                    + String.join(", ", IncidentCreationRuleProperties.PRODUCTS));
        }
        List<AlertSeverity> severities = new ArrayList<>();
        for (String severity : p.strings("severitiesFilter")) {
            severities.add(JsonFields.parseEnum(p.path("severitiesFilter"), severity, AlertSeverity.class));
        }
        return new IncidentCreationRuleProperties(displayName, description, enabled, template, product, severities,
                nonBlank(p, "displayNamesFilter"), nonBlank(p, "displayNamesExcludeFilter"));
    }

    private static List<String> nonBlank(JsonFields p, String member) {
        List<String> values = p.strings(member);
        if (values.stream().anyMatch(String::isBlank)) {
            throw new InvalidAlertRuleException(p.path(member), "must not hold empty names");
        }
        return values;
    }

    private static QuerySchedule schedule(JsonFields p) {
        Duration frequency = p.duration("queryFrequency", Optional.empty(), MIN_SCHEDULE, MAX_SCHEDULE);
        Duration period = p.duration("queryPeriod", Optional.empty(), MIN_SCHEDULE, MAX_SCHEDULE);
        TriggerOperator operator = p.enumValue("triggerOperator", TriggerOperator.class, Optional.empty());
        int threshold = p.integer("triggerThreshold", 0, MAX_THRESHOLD);
        return new QuerySchedule(frequency, period, operator, threshold);
    }

    private static DetectionQuery detection(JsonFields p) {
        String query = p.requiredText("query");
        AlertSeverity severity = p.enumValue("severity", AlertSeverity.class, Optional.empty());
        List<String> tactics = p.strings("tactics");
        for (String tactic : tactics) {
            if (!TACTICS.contains(tactic)) {
                throw new InvalidAlertRuleException(p.path("tactics"), "'" + tactic + "' is not one of " + String.join(", ", TACTICS));
            }
        }
        List<String> techniques = p.strings("techniques");
        for (String technique : techniques) {
            if (!technique.matches("T\\d{4}(\\.\\d{3})?")) {
                throw new InvalidAlertRuleException(p.path("techniques"), "'" + technique + "' is not an ATT&CK technique id such as T1110 or T1110.001");
            }
        }
        List<EntityMapping> entities = entityMappings(p);
        List<String> sentinelEntities = new ArrayList<>();
        List<JsonNode> sentinelMappings = p.array("sentinelEntitiesMappings");
        for (int i = 0; i < sentinelMappings.size(); i++) {
            sentinelEntities.add(new JsonFields(sentinelMappings.get(i), p.path("sentinelEntitiesMappings") + "[" + i + "]").requiredText("columnName"));
        }
        var customDetails = p.stringMap("customDetails");
        if (customDetails.size() > MAX_CUSTOM_DETAILS) {
            throw new InvalidAlertRuleException(p.path("customDetails"), "may hold at most " + MAX_CUSTOM_DETAILS + " details");
        }
        for (String name : customDetails.keySet()) {
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,19}")) {
                throw new InvalidAlertRuleException(p.path("customDetails") + "." + name,
                        "a detail name has 1 to 20 letters, digits or underscores and starts with a letter");
            }
        }
        Optional<AlertDetailsOverride> override = Optional.empty();
        if (p.has("alertDetailsOverride")) {
            JsonFields o = p.object("alertDetailsOverride");
            override = Optional.of(new AlertDetailsOverride(o.text("alertDisplayNameFormat").filter(t -> !t.isBlank()),
                    o.text("alertDescriptionFormat").filter(t -> !t.isBlank()), o.text("alertTacticsColumnName").filter(t -> !t.isBlank()),
                    o.text("alertSeverityColumnName").filter(t -> !t.isBlank())));
        }
        AggregationKind aggregation = p.object("eventGroupingSettings").enumValue("aggregationKind", AggregationKind.class,
                Optional.of(AggregationKind.SingleAlert));
        boolean suppression = p.bool("suppressionEnabled", false);
        Duration suppressionDuration = p.duration("suppressionDuration", Optional.of(Duration.ofHours(5)), MIN_SCHEDULE, MAX_SUPPRESSION);
        return new DetectionQuery(query, severity, tactics, techniques, entities, sentinelEntities, customDetails, override, aggregation,
                suppression, suppressionDuration, incidentConfiguration(p.object("incidentConfiguration")));
    }

    private static List<EntityMapping> entityMappings(JsonFields p) {
        List<JsonNode> items = p.array("entityMappings");
        if (items.size() > MAX_ENTITY_MAPPINGS) {
            throw new InvalidAlertRuleException(p.path("entityMappings"), "may hold at most " + MAX_ENTITY_MAPPINGS + " entities");
        }
        List<EntityMapping> mappings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = new JsonFields(items.get(i), p.path("entityMappings") + "[" + i + "]");
            String type = item.requiredText("entityType");
            EntityType entityType = EntityType.named(type)
                    .orElseThrow(() -> new InvalidAlertRuleException(item.path("entityType"), "'" + type + "' is not one of "
                            + JsonFields.names(EntityType.class)));
            List<JsonNode> fields = item.array("fieldMappings");
            if (fields.isEmpty() || fields.size() > 3) {
                throw new InvalidAlertRuleException(item.path("fieldMappings"), "needs 1 to 3 identifiers");
            }
            List<FieldMapping> fieldMappings = new ArrayList<>();
            for (int j = 0; j < fields.size(); j++) {
                JsonFields field = new JsonFields(fields.get(j), item.path("fieldMappings") + "[" + j + "]");
                String identifier = field.requiredText("identifier");
                if (!entityType.identifiers().contains(identifier)) {
                    throw new InvalidAlertRuleException(field.path("identifier"), "'" + identifier + "' is not an identifier of " + type
                            + " (" + String.join(", ", entityType.identifiers()) + ")");
                }
                fieldMappings.add(new FieldMapping(identifier, field.requiredText("columnName")));
            }
            mappings.add(new EntityMapping(type, fieldMappings));
        }
        return mappings;
    }

    private static IncidentConfiguration incidentConfiguration(JsonFields c) {
        boolean create = c.bool("createIncident", true);
        JsonFields g = c.object("groupingConfiguration");
        GroupingConfiguration defaults = GroupingConfiguration.DISABLED;
        GroupingConfiguration grouping = new GroupingConfiguration(g.bool("enabled", false), g.bool("reopenClosedIncident", false),
                g.duration("lookbackDuration", Optional.of(defaults.lookbackDuration()), MIN_SCHEDULE, MAX_LOOKBACK),
                g.enumValue("matchingMethod", MatchingMethod.class, Optional.of(defaults.matchingMethod())),
                g.strings("groupByEntities"), g.strings("groupByAlertDetails"), g.strings("groupByCustomDetails"));
        for (String entity : grouping.groupByEntities()) {
            if (EntityType.named(entity).isEmpty()) {
                throw new InvalidAlertRuleException(g.path("groupByEntities"), "'" + entity + "' is not an entity type");
            }
        }
        for (String detail : grouping.groupByAlertDetails()) {
            if (!detail.equals("DisplayName") && !detail.equals("Severity")) {
                throw new InvalidAlertRuleException(g.path("groupByAlertDetails"), "'" + detail + "' is not one of DisplayName, Severity");
            }
        }
        return new IncidentConfiguration(create, grouping);
    }

    /** The rule as the API shows it: {@code {"id","name","etag","kind","properties"}}. */
    public static ObjectNode write(AlertRule rule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "/workspaces/" + rule.workspaceId() + "/alertRules/" + rule.id());
        node.put("name", rule.id());
        node.put("etag", rule.etag());
        node.put("kind", rule.kind().armName());
        ObjectNode properties = writeProperties(rule.properties());
        properties.put("lastModifiedUtc", rule.lastModifiedUtc().toString());
        node.set("properties", properties);
        return node;
    }

    /** {@code {"kind","properties"}} of these properties, which {@link #read} reads back to the same. */
    public static ObjectNode writeBody(AlertRuleProperties properties) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", properties.kind().armName());
        node.set("properties", writeProperties(properties));
        return node;
    }

    public static ObjectNode writeProperties(AlertRuleProperties properties) {
        ObjectNode p = JSON.createObjectNode();
        p.put("displayName", properties.displayName());
        p.put("description", properties.description());
        p.put("enabled", properties.enabled());
        p.put("alertRuleTemplateName", properties.alertRuleTemplateName().orElse(null));
        if (properties instanceof ScheduledRuleProperties scheduled) {
            writeDetection(p, scheduled.detection());
            QuerySchedule schedule = scheduled.schedule();
            p.put("queryFrequency", schedule.queryFrequency().toString());
            p.put("queryPeriod", schedule.queryPeriod().toString());
            p.put("triggerOperator", schedule.triggerOperator().name());
            p.put("triggerThreshold", schedule.triggerThreshold());
        } else if (properties instanceof NrtRuleProperties nrt) {
            writeDetection(p, nrt.detection());
        } else if (properties instanceof IncidentCreationRuleProperties filter) {
            p.put("productFilter", filter.productFilter());
            p.set("severitiesFilter", filter.severitiesFilter().isEmpty() ? null : strings(filter.severitiesFilter().stream().map(Enum::name).toList()));
            p.set("displayNamesFilter", filter.displayNamesFilter().isEmpty() ? null : strings(filter.displayNamesFilter()));
            p.set("displayNamesExcludeFilter", filter.displayNamesExcludeFilter().isEmpty() ? null : strings(filter.displayNamesExcludeFilter()));
        }
        return p;
    }

    private static void writeDetection(ObjectNode p, DetectionQuery d) {
        p.put("query", d.query());
        p.put("severity", d.severity().name());
        p.set("tactics", strings(d.tactics()));
        p.set("techniques", strings(d.techniques()));
        ArrayNode entities = p.putArray("entityMappings");
        for (EntityMapping mapping : d.entityMappings()) {
            ObjectNode entity = entities.addObject();
            entity.put("entityType", mapping.entityType());
            ArrayNode fields = entity.putArray("fieldMappings");
            mapping.fieldMappings().forEach(f -> fields.addObject().put("identifier", f.identifier()).put("columnName", f.columnName()));
        }
        if (!d.sentinelEntitiesMappings().isEmpty()) {
            ArrayNode sentinel = p.putArray("sentinelEntitiesMappings");
            d.sentinelEntitiesMappings().forEach(column -> sentinel.addObject().put("columnName", column));
        }
        ObjectNode details = p.putObject("customDetails");
        d.customDetails().forEach(details::put);
        d.alertDetailsOverride().ifPresent(o -> {
            ObjectNode override = p.putObject("alertDetailsOverride");
            o.alertDisplayNameFormat().ifPresent(v -> override.put("alertDisplayNameFormat", v));
            o.alertDescriptionFormat().ifPresent(v -> override.put("alertDescriptionFormat", v));
            o.alertTacticsColumnName().ifPresent(v -> override.put("alertTacticsColumnName", v));
            o.alertSeverityColumnName().ifPresent(v -> override.put("alertSeverityColumnName", v));
        });
        p.putObject("eventGroupingSettings").put("aggregationKind", d.aggregationKind().name());
        p.put("suppressionEnabled", d.suppressionEnabled());
        p.put("suppressionDuration", d.suppressionDuration().toString());
        ObjectNode incident = p.putObject("incidentConfiguration");
        incident.put("createIncident", d.incidentConfiguration().createIncident());
        GroupingConfiguration g = d.incidentConfiguration().groupingConfiguration();
        ObjectNode grouping = incident.putObject("groupingConfiguration");
        grouping.put("enabled", g.enabled());
        grouping.put("reopenClosedIncident", g.reopenClosedIncident());
        grouping.put("lookbackDuration", g.lookbackDuration().toString());
        grouping.put("matchingMethod", g.matchingMethod().name());
        grouping.set("groupByEntities", strings(g.groupByEntities()));
        grouping.set("groupByAlertDetails", strings(g.groupByAlertDetails()));
        grouping.set("groupByCustomDetails", strings(g.groupByCustomDetails()));
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
