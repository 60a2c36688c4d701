package dev.vigil.soc.hunting;

import dev.vigil.soc.RefusedRequestException;

/** A refused request about hunting queries or bookmarks; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class HuntingException extends RefusedRequestException permits HuntingNotFoundException, InvalidHuntingRequestException {

    HuntingException(String message) {
        super(message);
    }
}
