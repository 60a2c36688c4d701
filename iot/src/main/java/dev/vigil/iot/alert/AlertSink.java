package dev.vigil.iot.alert;

/** Where detectors send what they saw; {@link IotAlerts} turns occurrences into alerts. */
public interface AlertSink {

    /**
     * Creates an alert, or merges the occurrence into the open alert of the same type on the
     * same device. Returns once the result is durable.
     */
    IotAlert raise(AlertOccurrence occurrence);
}
