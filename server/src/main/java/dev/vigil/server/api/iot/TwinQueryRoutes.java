package dev.vigil.server.api.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.twin.InvalidTwinQueryException;
import dev.vigil.iot.twin.query.TwinQueries;
import dev.vigil.iot.twin.query.TwinQueryPage;
import dev.vigil.server.api.iot.IotScopeAuthorization.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * IoT Hub's twin query: {@code POST .../IotHubs/{hub}/devices/query} with {@code {"query": "SELECT ..."}}
 * (Reader), paged with the {@code x-ms-max-item-count} and {@code x-ms-continuation} headers; the
 * answer is a JSON array with {@code x-ms-item-type} and, unless it is the last page, {@code x-ms-continuation}.
 */
final class TwinQueryRoutes {
    static final String CONTINUATION = "x-ms-continuation";
    static final String MAX_ITEM_COUNT = "x-ms-max-item-count";

    private final IotRegistry registry;
    private final TwinQueries queries;
    private final IotScopeAuthorization authorization;

    TwinQueryRoutes(IotRegistry registry, TwinQueries queries, IotScopeAuthorization authorization) {
        this.registry = registry;
        this.queries = queries;
        this.authorization = authorization;
    }

    void register(RoutesConfig routes) {
        routes.post(IotRegistryRoutes.HUB + "/devices/query", this::query);
    }

    private void query(Context ctx) {
        IotHub hub = IotRegistryRoutes.hub(ctx, registry, authorization, Access.READ);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        if (body == null || !body.path("query").isTextual()) {
            throw new InvalidTwinQueryException("the body must be {\"query\": \"SELECT * FROM devices WHERE ...\"}");
        }
        TwinQueryPage page = queries.query(hub, body.path("query").textValue(), Optional.ofNullable(ctx.header(CONTINUATION)).filter(t -> !t.isBlank()),
                pageSize(ctx.header(MAX_ITEM_COUNT)));
        page.continuation().ifPresent(token -> ctx.header(CONTINUATION, token));
        ctx.header("x-ms-item-type", page.itemType());
        ctx.json(page.items());
    }

    private static int pageSize(String header) {
        if (header == null || header.isBlank()) {
            return TwinQueries.DEFAULT_PAGE_SIZE;
        }
        try {
            return Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            throw new InvalidTwinQueryException(MAX_ITEM_COUNT + " must be a whole number, was '" + header + "'");
        }
    }
}
