package dev.vigil.server.simulator;

import java.util.concurrent.CompletableFuture;

/** One device's connection to its hub. */
interface DeviceTransport extends AutoCloseable {
    /** Sends a security message; completes when the hub acknowledged it (PUBACK, or 204), exceptionally when it refused it. */
    CompletableFuture<Void> send(String message);

    @Override
    void close();
}
