package dev.vigil.iot.endpoint;

import dev.vigil.iot.message.InvalidSecurityMessageException;

/** What became of a device-to-cloud message once everything it caused is committed. */
public sealed interface MessageOutcome {

    /** Taken; {@code rawEventsStored} security events were committed to {@code SecurityIoTRawEvent}. */
    record Accepted(int rawEventsStored) implements MessageOutcome {
    }

    /**
     * A security message all of whose events were received before (a retry): acknowledged, once
     * the originals are stored, but not stored, counted or inspected again.
     */
    record Duplicate(int duplicateEvents) implements MessageOutcome {
    }

    /** A security message that breaks schema 1.0; nothing of it was stored. */
    record Rejected(InvalidSecurityMessageException error) implements MessageOutcome {
    }
}
