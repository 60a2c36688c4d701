package dev.vigil.server.console.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertDetailsOverride;
import dev.vigil.soc.rule.AlertRuleKind;
import dev.vigil.soc.rule.AlertRuleProperties;
import dev.vigil.soc.rule.DetectionQuery;
import dev.vigil.soc.rule.GroupingConfiguration;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import dev.vigil.soc.rule.QueryRuleProperties;
import dev.vigil.soc.rule.QuerySchedule;
import dev.vigil.soc.rule.ScheduledRuleProperties;
import dev.vigil.soc.rule.json.AlertRuleJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Scheduled or NRT rule as the wizard's form holds it: every field as typed, rows of entity
 * mappings and custom details included. Made from a saved rule or a template (to fill the form),
 * or from the posted form; it becomes the API's rule body, which the domain reads and checks
 * ({@link AlertRuleJson#read}), so that the console refuses what the API refuses, in the same
 * words and naming the same property.
 *
 * @param templateName the template the rule was made from, kept through edits; empty for none
 * @param sentinelEntities columns whose values are entities in Sentinel's form already (a template's {@code Entities}), kept as they are
 */
public record RuleDraft(AlertRuleKind kind, String name, String description, boolean enabled, String templateName, String severity,
        List<String> tactics, String techniques, String query, DurationField frequency, DurationField period, String triggerOperator,
        String triggerThreshold, List<Entity> entities, List<String> sentinelEntities, List<Detail> customDetails, String displayNameFormat, String descriptionFormat,
        String tacticsColumn, String severityColumn, String aggregation, boolean suppressionEnabled, DurationField suppression,
        boolean createIncident, boolean groupingEnabled, boolean reopenClosedIncident, DurationField lookback, String matchingMethod,
        List<String> groupByEntities, List<String> groupByAlertDetails, List<String> groupByCustomDetails) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sentinel's limit on identifiers per entity. */
    static final int MAX_IDENTIFIERS = 3;

    public RuleDraft {
        tactics = List.copyOf(tactics);
        entities = List.copyOf(entities);
        sentinelEntities = List.copyOf(sentinelEntities);
        customDetails = List.copyOf(customDetails);
        groupByEntities = List.copyOf(groupByEntities);
        groupByAlertDetails = List.copyOf(groupByAlertDetails);
        groupByCustomDetails = List.copyOf(groupByCustomDetails);
    }

    /** An entity mapping row: the entity type and its identifiers, each from a result column. */
    public record Entity(String type, List<Identifier> identifiers) {
        public Entity {
            identifiers = List.copyOf(identifiers);
        }
    }

    public record Identifier(String identifier, String column) {
    }

    /** A custom detail row: the detail's name and the result column it comes from. */
    public record Detail(String name, String column) {
    }

    public boolean scheduled() {
        return kind == AlertRuleKind.SCHEDULED;
    }

    /** A new rule with Sentinel's defaults: every 5 hours over 5 hours, above 0 results, incidents on, no grouping, no suppression. */
    public static RuleDraft blank(AlertRuleKind kind) {
        GroupingConfiguration grouping = GroupingConfiguration.DISABLED;
        return new RuleDraft(kind, "", "", true, "", "Medium", List.of(), "", "", new DurationField("5", "Hours"), new DurationField("5", "Hours"),
                "GreaterThan", "0", List.of(), List.of(), List.of(), "", "", "", "", "SingleAlert", false, new DurationField("5", "Hours"), true, false, false,
                DurationField.of(grouping.lookbackDuration()), grouping.matchingMethod().name(), List.of(), List.of(), List.of());
    }

    /** The form filled with a rule's settings. */
    public static RuleDraft of(QueryRuleProperties rule) {
        DetectionQuery d = rule.detection();
        Optional<QuerySchedule> schedule = rule instanceof ScheduledRuleProperties s ? Optional.of(s.schedule()) : Optional.empty();
        DurationField fiveHours = new DurationField("5", "Hours");
        Optional<AlertDetailsOverride> o = d.alertDetailsOverride();
        GroupingConfiguration g = d.incidentConfiguration().groupingConfiguration();
        return new RuleDraft(rule.kind(), rule.displayName(), rule.description(), rule.enabled(), rule.alertRuleTemplateName().orElse(""),
                d.severity().name(), d.tactics(), String.join(", ", d.techniques()), d.query(),
                schedule.map(s -> DurationField.of(s.queryFrequency())).orElse(fiveHours), schedule.map(s -> DurationField.of(s.queryPeriod())).orElse(fiveHours),
                schedule.map(s -> s.triggerOperator().name()).orElse("GreaterThan"), schedule.map(s -> Integer.toString(s.triggerThreshold())).orElse("0"),
                d.entityMappings().stream().map(m -> new Entity(m.entityType(),
                        m.fieldMappings().stream().map(f -> new Identifier(f.identifier(), f.columnName())).toList())).toList(),
                d.sentinelEntitiesMappings(),
                d.customDetails().entrySet().stream().map(e -> new Detail(e.getKey(), e.getValue())).toList(),
                o.flatMap(AlertDetailsOverride::alertDisplayNameFormat).orElse(""), o.flatMap(AlertDetailsOverride::alertDescriptionFormat).orElse(""),
                o.flatMap(AlertDetailsOverride::alertTacticsColumnName).orElse(""), o.flatMap(AlertDetailsOverride::alertSeverityColumnName).orElse(""),
                d.aggregationKind().name(), d.suppressionEnabled(), DurationField.of(d.suppressionDuration()), d.incidentConfiguration().createIncident(),
                g.enabled(), g.reopenClosedIncident(), DurationField.of(g.lookbackDuration()), g.matchingMethod().name(), g.groupByEntities(),
                g.groupByAlertDetails(), g.groupByCustomDetails());
    }

    /** The posted form; an entity, identifier or detail row is numbered in its field names ({@code entity.0.field.1.column}). */
    public static RuleDraft fromForm(Map<String, List<String>> form) {
        FormValues f = new FormValues(form);
        AlertRuleKind kind = AlertRuleKind.fromArmName(f.text("kind")).filter(k -> k != AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION)
                .orElse(AlertRuleKind.SCHEDULED);
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; f.has("entity." + i + ".type"); i++) {
            List<Identifier> identifiers = new ArrayList<>();
            for (int j = 0; f.has("entity." + i + ".field." + j + ".identifier"); j++) {
                String at = "entity." + i + ".field." + j;
                identifiers.add(new Identifier(f.text(at + ".identifier"), f.text(at + ".column")));
            }
            entities.add(new Entity(f.text("entity." + i + ".type"), identifiers));
        }
        List<Detail> details = new ArrayList<>();
        for (int i = 0; f.has("detail." + i + ".name"); i++) {
            details.add(new Detail(f.text("detail." + i + ".name").strip(), f.text("detail." + i + ".column")));
        }
        return new RuleDraft(kind, f.text("name"), f.text("description"), f.checked("enabled"), f.text("templateName"), f.text("severity"),
                f.all("tactics"), f.text("techniques"), f.text("query"), f.duration("frequency"), f.duration("period"), f.text("triggerOperator"),
                f.text("triggerThreshold"), entities, f.all("sentinelEntities"), details, f.text("displayNameFormat"), f.text("descriptionFormat"), f.text("tacticsColumn"),
                f.text("severityColumn"), f.text("aggregation"), f.checked("suppressionEnabled"), f.duration("suppression"),
                f.checked("createIncident"), f.checked("groupingEnabled"), f.checked("reopenClosedIncident"), f.duration("lookback"),
                f.text("matchingMethod"), f.all("groupByEntities"), f.all("groupByAlertDetails"), f.all("groupByCustomDetails"));
    }

    /**
     * The draft after a row button of the form: {@code addEntity}, {@code removeEntity:0}, {@code addIdentifier:0},
     * {@code removeIdentifier:0:1}, {@code addDetail}, {@code removeDetail:0}; anything else changes nothing.
     */
    public RuleDraft apply(String action) {
        String[] parts = action == null ? new String[] {""} : action.split(":");
        List<Entity> newEntities = new ArrayList<>(entities);
        List<Detail> newDetails = new ArrayList<>(customDetails);
        try {
            switch (parts[0]) {
                case "addEntity" -> newEntities.add(new Entity("", List.of(new Identifier("", ""))));
                case "removeEntity" -> newEntities.remove(Integer.parseInt(parts[1]));
                case "addIdentifier" -> {
                    Entity entity = newEntities.get(Integer.parseInt(parts[1]));
                    if (entity.identifiers().size() < MAX_IDENTIFIERS) {
                        List<Identifier> more = new ArrayList<>(entity.identifiers());
                        more.add(new Identifier("", ""));
                        newEntities.set(Integer.parseInt(parts[1]), new Entity(entity.type(), more));
                    }
                }
                case "removeIdentifier" -> {
                    Entity entity = newEntities.get(Integer.parseInt(parts[1]));
                    List<Identifier> fewer = new ArrayList<>(entity.identifiers());
                    fewer.remove(Integer.parseInt(parts[2]));
                    newEntities.set(Integer.parseInt(parts[1]), new Entity(entity.type(), fewer));
                }
                case "addDetail" -> newDetails.add(new Detail("", ""));
                case "removeDetail" -> newDetails.remove(Integer.parseInt(parts[1]));
                default -> {
                    return this;
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return this; // a button of an older form: the rows it named are gone
        }
        return new RuleDraft(kind, name, description, enabled, templateName, severity, tactics, techniques, query, frequency, period, triggerOperator,
                triggerThreshold, newEntities, sentinelEntities, newDetails, displayNameFormat, descriptionFormat, tacticsColumn, severityColumn, aggregation,
                suppressionEnabled, suppression, createIncident, groupingEnabled, reopenClosedIncident, lookback, matchingMethod, groupByEntities,
                groupByAlertDetails, groupByCustomDetails);
    }

    /** The rule the draft describes, read and checked by the domain; throws {@link InvalidAlertRuleException} naming the first wrong property. */
    public AlertRuleProperties toProperties() {
        return AlertRuleJson.read(toBody());
    }

    /** The API's body {@code {"kind","properties"}} for this draft. */
    ObjectNode toBody() {
        ObjectNode p = JSON.createObjectNode();
        p.put("displayName", name.strip());
        p.put("description", description);
        p.put("enabled", enabled);
        if (!templateName.isBlank()) {
            p.put("alertRuleTemplateName", templateName);
        }
        p.put("query", query);
        putIfGiven(p, "severity", severity);
        strings(p.putArray("tactics"), tactics);
        strings(p.putArray("techniques"), Arrays.stream(techniques.split("[,\\s]+")).filter(t -> !t.isBlank()).toList());
        if (scheduled()) {
            putIfGiven(p, "queryFrequency", frequency.iso("properties.queryFrequency"));
            putIfGiven(p, "queryPeriod", period.iso("properties.queryPeriod"));
            putIfGiven(p, "triggerOperator", triggerOperator);
            putThreshold(p);
        }
        ArrayNode mappings = p.putArray("entityMappings");
        for (Entity entity : entities) {
            ObjectNode mapping = mappings.addObject().put("entityType", entity.type());
            ArrayNode fields = mapping.putArray("fieldMappings");
            entity.identifiers().forEach(i -> fields.addObject().put("identifier", i.identifier()).put("columnName", i.column()));
        }
        ArrayNode sentinel = p.putArray("sentinelEntitiesMappings");
        sentinelEntities.forEach(column -> sentinel.addObject().put("columnName", column));
        ObjectNode details = p.putObject("customDetails");
        for (Detail detail : customDetails) {
            if (detail.name().isEmpty() && detail.column().isEmpty()) {
                continue; // a row added and left empty
            }
            details.put(detail.name(), detail.column());
        }
        if (!(displayNameFormat + descriptionFormat + tacticsColumn + severityColumn).isBlank()) {
            ObjectNode override = p.putObject("alertDetailsOverride");
            putIfGiven(override, "alertDisplayNameFormat", displayNameFormat);
            putIfGiven(override, "alertDescriptionFormat", descriptionFormat);
            putIfGiven(override, "alertTacticsColumnName", tacticsColumn);
            putIfGiven(override, "alertSeverityColumnName", severityColumn);
        }
        putIfGiven(p.putObject("eventGroupingSettings"), "aggregationKind", aggregation);
        p.put("suppressionEnabled", suppressionEnabled);
        putIfGiven(p, "suppressionDuration", suppression.iso("properties.suppressionDuration"));
        ObjectNode incidents = p.putObject("incidentConfiguration").put("createIncident", createIncident);
        ObjectNode grouping = incidents.putObject("groupingConfiguration").put("enabled", groupingEnabled).put("reopenClosedIncident", reopenClosedIncident);
        putIfGiven(grouping, "lookbackDuration", lookback.iso("properties.incidentConfiguration.groupingConfiguration.lookbackDuration"));
        putIfGiven(grouping, "matchingMethod", matchingMethod);
        strings(grouping.putArray("groupByEntities"), groupByEntities);
        strings(grouping.putArray("groupByAlertDetails"), groupByAlertDetails);
        strings(grouping.putArray("groupByCustomDetails"), groupByCustomDetails);
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", kind.armName());
        body.set("properties", p);
        return body;
    }

    /** A whole number as a number; anything else as the text typed, which the domain refuses with its bounds. */
    private void putThreshold(ObjectNode p) {
        String text = triggerThreshold.strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            p.put("triggerThreshold", Integer.parseInt(text));
        } catch (NumberFormatException e) {
            p.put("triggerThreshold", text);
        }
    }

    private static void putIfGiven(ObjectNode node, String member, String value) {
        if (!value.isBlank()) {
            node.put(member, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** The posted form's values by field name. */
    private record FormValues(Map<String, List<String>> form) {
        boolean has(String field) {
            return form.containsKey(field);
        }

        String text(String field) {
            List<String> values = form.get(field);
            return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        }

        List<String> all(String field) {
            return form.getOrDefault(field, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
        }

        boolean checked(String field) {
            return has(field);
        }

        DurationField duration(String field) {
            return new DurationField(text(field + "Amount"), text(field + "Unit"));
        }
    }
}
