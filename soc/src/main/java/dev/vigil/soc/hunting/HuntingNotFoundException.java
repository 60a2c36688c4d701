package dev.vigil.soc.hunting;

/** No hunting query or bookmark of that id in the workspace. */
public final class HuntingNotFoundException extends HuntingException {
    HuntingNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NotFound";
    }

    @Override
    public int status() {
        return 404;
    }
}
