package dev.vigil.server.api;

import io.javalin.http.Context;
import java.util.Optional;

/** The request's {@code If-Match} header as an etag: quotes and spaces dropped, absent when blank. */
public final class IfMatch {
    private IfMatch() {
    }

    public static Optional<String> of(Context ctx) {
        return Optional.ofNullable(ctx.header("If-Match")).map(value -> value.replace("\"", "").strip()).filter(value -> !value.isEmpty());
    }
}
