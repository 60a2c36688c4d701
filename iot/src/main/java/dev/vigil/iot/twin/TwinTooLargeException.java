package dev.vigil.iot.twin;

import dev.vigil.iot.device.IotHubError;

/** The patch would make the twin's tags, desired or reported properties larger than IoT Hub allows. */
public final class TwinTooLargeException extends TwinException {
    private final String section;
    private final long size;
    private final long limit;

    public TwinTooLargeException(String section, long size, long limit) {
        super(IotHubError.REQUEST_ENTITY_TOO_LARGE, "the twin's " + section + " would be " + size
                + " bytes; IoT Hub allows at most " + limit + " bytes of " + section);
        this.section = section;
        this.size = size;
        this.limit = limit;
    }

    public String section() {
        return section;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
