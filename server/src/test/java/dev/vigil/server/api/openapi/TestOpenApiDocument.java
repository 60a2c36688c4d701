package dev.vigil.server.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestOpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testDocumentDescribesExactlyTheServedRoutes() {
        HttpResponse<String> response = server.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = RunningServer.json(response);

        List<String> documented = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.server().routes());
    }
}
