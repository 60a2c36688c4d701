package dev.vigil.server.api.metrics;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http.server.requests}, tagged with the route template (not the
 * raw path, which would make a series per table name), the method and the status.
 */
public final class HttpRequestTimer implements RequestLogger {
    private final MeterRegistry registry;

    public HttpRequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder("http.server.requests")
                .description("HTTP requests served, by route, method and status")
                .tag("method", ctx.method().name())
                .tag("uri", matched == null ? "UNMATCHED" : matched.path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
