package dev.vigil.soc.automation;

import dev.vigil.soc.incident.Incident;
import dev.vigil.soc.incident.IncidentOwner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The properties conditions can test, by Sentinel's names: the incident's own, its alerts', and
 * its entities' (every entity of the given type, nested ones included, e.g. the IoT hub of an
 * {@code iotdevice}). Each gives the incident's values of the property, possibly none. For rules
 * triggered by alerts, the properties that an alert has give the alert's values (the title is its
 * display name, the severity its {@code AlertSeverity}); status, owner, labels and related rules
 * belong to incidents alone ({@link #appliesToAlerts}).
 */
public enum IncidentProperty {
    IncidentTitle(incident -> List.of(incident.title()), alert -> List.of(alert.alert().displayName())),
    IncidentDescription(incident -> List.of(incident.description()), alert -> List.of(alert.description())),
    IncidentSeverity(incident -> List.of(incident.severity().sentinelName()), alert -> List.of(alert.alert().alertSeverity().sentinelName())),
    IncidentStatus(incident -> List.of(incident.status().sentinelName()), null),
    IncidentOwner(incident -> ownerNames(incident.owner()), null),
    // the label type is spelt out: the constant's name would be read as this constant
    IncidentLabel(incident -> incident.labels().stream().map(dev.vigil.soc.incident.IncidentLabel::name).toList(), null),
    IncidentTactics(Incident::tactics, alert -> alert.alert().tactics()),
    IncidentRelatedAnalyticRuleIds(Incident::relatedAnalyticRuleIds, null),
    IncidentProviderName(incident -> List.of(incident.providerName()), alert -> List.of(alert.alert().providerName())),
    AlertProductNames(Incident::alertProductNames, alert -> List.of(alert.alert().productName())),
    AlertAnalyticRuleIds(Incident::relatedAnalyticRuleIds, TriggeringAlert::analyticRuleIds),
    AccountName(entity("account", "Name"), alertEntity("account", "Name")),
    AccountUPNSuffix(entity("account", "UPNSuffix"), alertEntity("account", "UPNSuffix")),
    AzureResourceResourceId(entity("azure-resource", "ResourceId"), alertEntity("azure-resource", "ResourceId")),
    FileName(entity("file", "Name"), alertEntity("file", "Name")),
    HostName(entity("host", "HostName"), alertEntity("host", "HostName")),
    HostNetBiosName(entity("host", "NetBiosName"), alertEntity("host", "NetBiosName")),
    IPAddress(entity("ip", "Address"), alertEntity("ip", "Address")),
    ProcessCommandLine(entity("process", "CommandLine"), alertEntity("process", "CommandLine")),
    ProcessId(entity("process", "ProcessId"), alertEntity("process", "ProcessId")),
    Url(entity("url", "Url"), alertEntity("url", "Url")),
    IoTDeviceId(entity("iotdevice", "DeviceId"), alertEntity("iotdevice", "DeviceId")),
    IoTDeviceName(entity("iotdevice", "DeviceName"), alertEntity("iotdevice", "DeviceName")),
    IoTDeviceType(entity("iotdevice", "DeviceType"), alertEntity("iotdevice", "DeviceType")),
    IoTDeviceVendor(entity("iotdevice", "Manufacturer"), alertEntity("iotdevice", "Manufacturer")),
    IoTDeviceModel(entity("iotdevice", "Model"), alertEntity("iotdevice", "Model")),
    IoTDeviceOperatingSystem(entity("iotdevice", "OperatingSystem"), alertEntity("iotdevice", "OperatingSystem"));

    private final Function<Incident, List<String>> values;
    private final Function<TriggeringAlert, List<String>> alertValues;

    /** @param alertValues null for a property an alert does not have */
    IncidentProperty(Function<Incident, List<String>> values, Function<TriggeringAlert, List<String>> alertValues) {
        this.values = values;
        this.alertValues = alertValues;
    }

    public List<String> valuesOf(Incident incident) {
        return values.apply(incident);
    }

    /** Whether an alert has this property, so that a rule triggered by alerts may test it. */
    public boolean appliesToAlerts() {
        return alertValues != null;
    }

    /** The alert's values of the property; only for those that {@link #appliesToAlerts}. */
    public List<String> valuesOf(TriggeringAlert alert) {
        if (alertValues == null) {
            throw new IllegalStateException(name() + " is not a property of alerts");
        }
        return alertValues.apply(alert);
    }

    /** The property with this name, exactly as Sentinel spells it. */
    public static Optional<IncidentProperty> named(String name) {
        return Arrays.stream(values()).filter(property -> property.name().equals(name)).findFirst();
    }

    /** An owner's non-empty fields: a condition on the owner matches any of them. */
    static List<String> ownerNames(IncidentOwner owner) {
        return Stream.of(owner.objectId(), owner.email(), owner.assignedTo(), owner.userPrincipalName()).filter(value -> !value.isEmpty())
                .distinct().toList();
    }

    private static Function<Incident, List<String>> entity(String type, String field) {
        return incident -> {
            List<String> found = new ArrayList<>();
            incident.entities().forEach(entity -> collect(entity, type, field, found));
            return found.stream().distinct().toList();
        };
    }

    private static Function<TriggeringAlert, List<String>> alertEntity(String type, String field) {
        return alert -> {
            List<String> found = new ArrayList<>();
            alert.alert().entities().forEach(entity -> collect(entity, type, field, found));
            return found.stream().distinct().toList();
        };
    }

    private static void collect(Map<?, ?> entity, String type, String field, List<String> found) {
        Object entityType = entity.get("Type");
        if (entityType != null && entityType.toString().toLowerCase(Locale.ROOT).equals(type)) {
            Object value = entity.get(field);
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                found.add(value.toString());
            }
        }
        for (Object value : entity.values()) {
            if (value instanceof Map<?, ?> nested) {
                collect(nested, type, field, found);
            }
        }
    }
}
