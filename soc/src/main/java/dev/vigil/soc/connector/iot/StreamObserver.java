package dev.vigil.soc.connector.iot;

import dev.vigil.iot.alert.AlertVersion;
import java.time.Instant;
import java.util.List;

/** Told after each commit of the streamer, e.g. to measure how long an alert took to become a row. */
@FunctionalInterface
public interface StreamObserver {
    StreamObserver NONE = (workspaceId, written, committedAt) -> { };

    /**
     * @param written the versions that became rows in this commit, in feed order (may be empty when only the checkpoint moved)
     * @param committedAt when the commit returned, by the streamer's clock
     */
    void committed(String workspaceId, List<AlertVersion> written, Instant committedAt);
}
