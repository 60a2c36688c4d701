package dev.vigil.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error response, in the shape of the Log Analytics API:
 * {@code {"error":{"code","message","innererror":{...}}}}.
 */
public record ApiError(Detail error) {
    /** Where the error sent for a request is kept, so that the audit trail can record its code. */
    public static final String ATTRIBUTE = "vigil.error";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Detail(String code, String message, Map<String, Object> innererror) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message, Map.of()));
    }

    public static ApiError of(String code, String message, Map<String, Object> innererror) {
        return new ApiError(new Detail(code, message, innererror));
    }
}
