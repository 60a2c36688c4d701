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
 * {@code iotdevice}). Each gives the incident's values of the property, possibly none.
 */
public enum IncidentProperty {
    IncidentTitle(incident -> List.of(incident.title())),
    IncidentDescription(incident -> List.of(incident.description())),
    IncidentSeverity(incident -> List.of(incident.severity().sentinelName())),
    IncidentStatus(incident -> List.of(incident.status().sentinelName())),
    IncidentOwner(incident -> ownerNames(incident.owner())),
    // the label type is spelt out: the constant's name would be read as this constant
    IncidentLabel(incident -> incident.labels().stream().map(dev.vigil.soc.incident.IncidentLabel::name).toList()),
    IncidentTactics(Incident::tactics),
    IncidentRelatedAnalyticRuleIds(Incident::relatedAnalyticRuleIds),
    IncidentProviderName(incident -> List.of(incident.providerName())),
    AlertProductNames(Incident::alertProductNames),
    AlertAnalyticRuleIds(Incident::relatedAnalyticRuleIds),
    AccountName(entity("account", "Name")),
    AccountUPNSuffix(entity("account", "UPNSuffix")),
    AzureResourceResourceId(entity("azure-resource", "ResourceId")),
    FileName(entity("file", "Name")),
    HostName(entity("host", "HostName")),
    HostNetBiosName(entity("host", "NetBiosName")),
    IPAddress(entity("ip", "Address")),
    ProcessCommandLine(entity("process", "CommandLine")),
    ProcessId(entity("process", "ProcessId")),
    Url(entity("url", "Url")),
    IoTDeviceId(entity("iotdevice", "DeviceId")),
    IoTDeviceName(entity("iotdevice", "DeviceName")),
    IoTDeviceType(entity("iotdevice", "DeviceType")),
    IoTDeviceVendor(entity("iotdevice", "Manufacturer")),
    IoTDeviceModel(entity("iotdevice", "Model")),
    IoTDeviceOperatingSystem(entity("iotdevice", "OperatingSystem"));

    private final Function<Incident, List<String>> values;

    IncidentProperty(Function<Incident, List<String>> values) {
        this.values = values;
    }

    public List<String> valuesOf(Incident incident) {
        return values.apply(incident);
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
