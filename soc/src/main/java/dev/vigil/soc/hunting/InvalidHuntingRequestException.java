package dev.vigil.soc.hunting;

/** A hunting query run or a bookmark with a value that is not allowed; the message names the field. */
public final class InvalidHuntingRequestException extends HuntingException {
    public InvalidHuntingRequestException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "BadRequest";
    }

    @Override
    public int status() {
        return 400;
    }
}
