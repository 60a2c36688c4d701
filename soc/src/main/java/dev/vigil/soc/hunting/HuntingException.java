package dev.vigil.soc.hunting;

/** A refused request about hunting queries or bookmarks; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class HuntingException extends RuntimeException permits HuntingNotFoundException, InvalidHuntingRequestException {

    HuntingException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();
}
