package dev.vigil.soc.content.sigma;

/** A Sigma rule that cannot be converted: malformed ({@link #unsupported()} false) or using what Vigil does not convert. */
public final class SigmaConversionException extends RuntimeException {
    private final boolean unsupported;

    private SigmaConversionException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    static SigmaConversionException unsupported(String message) {
        return new SigmaConversionException(message, true);
    }

    static SigmaConversionException invalid(String message) {
        return new SigmaConversionException(message, false);
    }

    /** Whether the rule is valid Sigma that uses something Vigil does not convert (rather than a malformed rule). */
    public boolean unsupported() {
        return unsupported;
    }
}
