package dev.vigil.iot.alert;

import java.util.concurrent.CompletableFuture;

/** Where detectors send what they saw; {@link AlertWriter} turns occurrences into alerts. */
public interface AlertSink {

    /**
     * Hands over an occurrence, to be merged into IoT alerts: a new alert, or a repeat of the
     * open alert of the same type on the same device. It is durable once {@link #flush} says so.
     */
    void raise(AlertOccurrence occurrence);

    /** Completes once every occurrence handed over before this call is durable. */
    CompletableFuture<Void> flush();
}
