package dev.vigil.server.api.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.workspace.api.StorageHealth;
import java.time.Instant;

/** The answer of {@code /healthz}: {@code {"status":"ok"}}, or why the server cannot do its work. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HealthJson(String status, Storage storage) {
    static final HealthJson OK = new HealthJson("ok", null);

    /** Storage that takes no writes: since when, and why. */
    record Storage(boolean writable, Instant since, String reason) {
    }

    static HealthJson of(StorageHealth storage) {
        return storage.writable() ? OK
                : new HealthJson("unavailable", new Storage(false, storage.since(), storage.reason()));
    }
}
