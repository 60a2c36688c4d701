package dev.vigil.iot.endpoint.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.twin.ReportedPatch;
import dev.vigil.iot.twin.Twins;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Stores the reported-property patches of all connections with group commit: each patch is
 * queued, and the storage thread writes whatever has queued up meanwhile as one journal write
 * ({@link Twins#patchReported(List)}), so that many devices patching at once cost one forced
 * write, not one each.
 */
final class ReportedPatchWriter {
    /** The most patches in one write, so that one stays short. */
    private static final int MAX_BATCH = 256;

    private final Twins twins;
    private final Executor storage;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

    ReportedPatchWriter(Twins twins, Executor storage) {
        this.twins = twins;
        this.storage = storage;
    }

    /** Completes once the patch is committed (or refused); fails when storage failed. */
    CompletableFuture<ReportedPatch.Outcome> write(DeviceAddress target, JsonNode patch) {
        Pending pending = new Pending(new ReportedPatch(target, patch), new CompletableFuture<>());
        queue.add(pending);
        storage.execute(this::writeQueued);
        return pending.result();
    }

    /** Runs on the storage thread; a run finding the queue empty (an earlier run took its patch) does nothing. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = queue.poll(); next != null; next = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<ReportedPatch.Outcome> outcomes = twins.patchReported(batch.stream().map(Pending::patch).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    private record Pending(ReportedPatch patch, CompletableFuture<ReportedPatch.Outcome> result) {
    }
}
