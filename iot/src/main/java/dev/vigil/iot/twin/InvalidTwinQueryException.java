package dev.vigil.iot.twin;

import dev.vigil.iot.device.IotHubError;

/**
 * A twin query that does not parse, uses what Vigil's query language does not have, or comes with
 * a continuation token that is not one Vigil gave; the message names the place (column, 1-based).
 */
public final class InvalidTwinQueryException extends TwinException {
    public InvalidTwinQueryException(String message) {
        super(IotHubError.ARGUMENT_INVALID, message);
    }
}
