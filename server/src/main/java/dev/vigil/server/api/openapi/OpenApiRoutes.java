package dev.vigil.server.api.openapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document of the HTTP API. It is written by hand next to this class;
 * {@code TestOpenApiDocument} keeps it in step with the registered routes.
 */
public final class OpenApiRoutes {
    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the resource " + RESOURCE + " next to " + OpenApiRoutes.class.getName());
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", this::document);
    }

    private void document(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
