package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertOccurrence;
import dev.vigil.iot.alert.AlertSink;
import dev.vigil.iot.alert.AlertStatus;
import dev.vigil.iot.alert.IotAlert;
import java.util.ArrayList;
import java.util.List;

/** Keeps every occurrence the engine raises, in order; each becomes a one-occurrence alert. */
final class RecordingAlertSink implements AlertSink {
    private final List<AlertOccurrence> occurrences = new ArrayList<>();

    @Override
    public synchronized IotAlert raise(AlertOccurrence occurrence) {
        occurrences.add(occurrence);
        return new IotAlert("alert-" + occurrences.size(), occurrence.hubResourceId(), occurrence.deviceId(),
                occurrence.definition().alertType(), occurrence.definition().displayName(), occurrence.definition().description(),
                occurrence.definition().severity(), occurrence.definition().remediationSteps(), occurrence.occurredAt(),
                occurrence.occurredAt(), occurrence.extendedProperties(), occurrence.entities(), 1, AlertStatus.NEW,
                occurrence.occurredAt(), occurrence.occurredAt());
    }

    synchronized List<AlertOccurrence> occurrences() {
        return List.copyOf(occurrences);
    }

    synchronized List<String> alertTypes() {
        return occurrences.stream().map(occurrence -> occurrence.definition().alertType()).toList();
    }
}
