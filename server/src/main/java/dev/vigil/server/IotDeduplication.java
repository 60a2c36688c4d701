package dev.vigil.server;

import dev.vigil.iot.dedup.DedupSettings;
import dev.vigil.iot.dedup.RecentEventIds;
import dev.vigil.iot.endpoint.StoredEventIds;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.LogStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device intake's memory of recent security event ids as the server runs it: restored on start, measured on {@code /metrics}. */
final class IotDeduplication {
    private static final Logger LOG = LoggerFactory.getLogger(IotDeduplication.class);

    private IotDeduplication() {
    }

    /** Puts back the ids of the window from before the last stop; returns before any device connects. */
    static RecentEventIds start(DedupSettings settings, IotRegistry registry, LogStore logs, MeterRegistry meters, Clock clock) {
        RecentEventIds ids = new RecentEventIds(settings, clock);
        long started = System.nanoTime();
        try {
            long restored = new StoredEventIds(logs, registry, clock).restoreInto(ids);
            LOG.info("deduplication: {} security event ids of the last {} restored in {} ms", restored, settings.window(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // Devices are not refused over it: at worst a retry right after the restart is stored twice.
            LOG.error("could not restore the security event ids received before the restart", e);
        }
        FunctionCounter.builder("vigil.iot.duplicate.events", ids, RecentEventIds::duplicateEvents)
                .description("Security events dropped because the device sent them before, within the deduplication window").register(meters);
        FunctionCounter.builder("vigil.iot.dedup.forgotten.early", ids, RecentEventIds::forgottenEarly)
                .description("Event ids forgotten before the deduplication window was over, because the id limit was reached").register(meters);
        Gauge.builder("vigil.iot.dedup.ids", ids, RecentEventIds::heldIds)
                .description("Security event ids held for deduplication").register(meters);
        return ids;
    }
}
