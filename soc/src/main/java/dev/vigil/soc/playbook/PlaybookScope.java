package dev.vigil.soc.playbook;

import dev.vigil.kql.types.KqlType;
import dev.vigil.soc.playbook.expression.ExpressionScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every expression of a playbook can name: what started the run, and the run. An
 * incident's values are empty when the run has none (a schedule, a manual run without one).
 */
public final class PlaybookScope {
    /** The incident as the playbook sees it: {@code IncidentNumber}, {@code Title}, {@code Severity}, {@code Status}, {@code Owner}, {@code Labels}... */
    public static final String INCIDENT = "Incident";
    public static final String ALERTS = "Alerts";
    public static final String ENTITIES = "Entities";
    public static final String ALERT = "Alert";
    public static final String ENTITY = "Entity";
    public static final String INPUTS = "Inputs";
    public static final String SECRETS = "Secrets";
    public static final String INCIDENT_NUMBER = "IncidentNumber";
    public static final String INCIDENT_NAME = "IncidentName";
    public static final String INCIDENT_TITLE = "IncidentTitle";
    public static final String INCIDENT_SEVERITY = "IncidentSeverity";
    public static final String INCIDENT_STATUS = "IncidentStatus";
    public static final String TRIGGER = "Trigger";
    public static final String RUN_ID = "RunId";
    public static final String WORKSPACE = "Workspace";

    private static final Map<String, KqlType> BASE = types();

    private PlaybookScope() {
    }

    private static Map<String, KqlType> types() {
        Map<String, KqlType> names = new LinkedHashMap<>();
        names.put(WORKSPACE, KqlType.STRING);
        names.put(RUN_ID, KqlType.STRING);
        names.put(TRIGGER, KqlType.STRING);
        names.put(INCIDENT, KqlType.DYNAMIC);
        names.put(ALERTS, KqlType.DYNAMIC);
        names.put(ENTITIES, KqlType.DYNAMIC);
        names.put(ALERT, KqlType.DYNAMIC);
        names.put(ENTITY, KqlType.DYNAMIC);
        names.put(INPUTS, KqlType.DYNAMIC);
        names.put(SECRETS, KqlType.DYNAMIC);
        names.put(INCIDENT_NUMBER, KqlType.LONG);
        names.put(INCIDENT_NAME, KqlType.STRING);
        names.put(INCIDENT_TITLE, KqlType.STRING);
        names.put(INCIDENT_SEVERITY, KqlType.STRING);
        names.put(INCIDENT_STATUS, KqlType.STRING);
        return Map.copyOf(names);
    }

    /** The names with their types, in a fixed order. */
    public static ExpressionScope base(Iterable<String> order) {
        Map<String, KqlType> names = new LinkedHashMap<>();
        order.forEach(name -> names.put(name, BASE.get(name)));
        return ExpressionScope.of(names);
    }

    public static ExpressionScope base() {
        return base(java.util.List.of(WORKSPACE, RUN_ID, TRIGGER, INCIDENT, ALERTS, ENTITIES, ALERT, ENTITY, INPUTS, SECRETS, INCIDENT_NUMBER,
                INCIDENT_NAME, INCIDENT_TITLE, INCIDENT_SEVERITY, INCIDENT_STATUS));
    }

    public static boolean isBase(String name) {
        return BASE.containsKey(name);
    }
}
