package dev.vigil.iot.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told after the service changed a twin's desired properties, once the change is stored. */
@FunctionalInterface
public interface TwinChangeListener {
    /**
     * @param twin the twin after the change
     * @param patch what changed, with the new {@code $version}: the body of the device's
     *     desired-property notification
     */
    void desiredPropertiesChanged(Twin twin, ObjectNode patch);
}
