package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertOccurrence;
import dev.vigil.iot.alert.AlertSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keeps every occurrence the engine raises, in order. */
final class RecordingAlertSink implements AlertSink {
    private final List<AlertOccurrence> occurrences = new ArrayList<>();

    @Override
    public synchronized void raise(AlertOccurrence occurrence) {
        occurrences.add(occurrence);
    }

    @Override
    public CompletableFuture<Void> flush() {
        return CompletableFuture.completedFuture(null);
    }

    synchronized List<AlertOccurrence> occurrences() {
        return List.copyOf(occurrences);
    }

    synchronized List<String> alertTypes() {
        return occurrences.stream().map(occurrence -> occurrence.definition().alertType()).toList();
    }
}
