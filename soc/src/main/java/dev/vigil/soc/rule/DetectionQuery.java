package dev.vigil.soc.rule;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Scheduled and NRT rules share: the KQL query and how its results become alerts and incidents.
 *
 * @param customDetails detail name to result column, in the order given
 * @param sentinelEntitiesMappings columns holding entities already in Sentinel's JSON form (e.g. {@code Entities} of {@code SecurityAlert})
 * @param suppressionDuration how long the rule raises no alert after one, when {@code suppressionEnabled}
 */
public record DetectionQuery(String query, AlertSeverity severity, List<String> tactics, List<String> techniques,
        List<EntityMapping> entityMappings, List<String> sentinelEntitiesMappings, Map<String, String> customDetails,
        Optional<AlertDetailsOverride> alertDetailsOverride, AggregationKind aggregationKind, boolean suppressionEnabled,
        Duration suppressionDuration, IncidentConfiguration incidentConfiguration) {

    public DetectionQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(severity, "severity");
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        entityMappings = List.copyOf(entityMappings);
        sentinelEntitiesMappings = List.copyOf(sentinelEntitiesMappings);
        customDetails = Collections.unmodifiableMap(new LinkedHashMap<>(customDetails));
        Objects.requireNonNull(alertDetailsOverride, "alertDetailsOverride");
        Objects.requireNonNull(aggregationKind, "aggregationKind");
        Objects.requireNonNull(suppressionDuration, "suppressionDuration");
        Objects.requireNonNull(incidentConfiguration, "incidentConfiguration");
    }

    public DetectionQuery withSeverity(AlertSeverity newSeverity) {
        return new DetectionQuery(query, newSeverity, tactics, techniques, entityMappings, sentinelEntitiesMappings, customDetails,
                alertDetailsOverride, aggregationKind, suppressionEnabled, suppressionDuration, incidentConfiguration);
    }

    public DetectionQuery withQuery(String newQuery) {
        return new DetectionQuery(newQuery, severity, tactics, techniques, entityMappings, sentinelEntitiesMappings, customDetails,
                alertDetailsOverride, aggregationKind, suppressionEnabled, suppressionDuration, incidentConfiguration);
    }
}
