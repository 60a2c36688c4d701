package dev.vigil.soc.content;

/** A file or item that cannot be imported; the refusal says why. */
final class ContentRefusedException extends RuntimeException {
    private final Refusal refusal;

    ContentRefusedException(RefusalReason reason, String message) {
        super(message);
        this.refusal = Refusal.of(reason, message);
    }

    Refusal refusal() {
        return refusal;
    }
}
