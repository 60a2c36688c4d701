package dev.vigil.server.api.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.soc.content.ContentFile;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of an import request: the body is one file as it is (YAML or JSON), or a JSON object
 * {@code {"files":[{"name","content"}], "enabled":false}} holding several. New rules are enabled
 * only when asked, by {@code "enabled": true} or {@code ?enabled=true}. A content pack's request
 * names the pack ({@code "name"}).
 */
record ImportRequest(List<ContentFile> files, boolean enable, Optional<String> name) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_FILES = 5_000;

    static ImportRequest of(Context ctx) {
        String body = ctx.body();
        boolean enable = "true".equalsIgnoreCase(ctx.queryParam("enabled"));
        JsonNode envelope = envelope(body);
        if (envelope == null) {
            String name = ctx.queryParam("name") == null ? "request body" : ctx.queryParam("name");
            return new ImportRequest(List.of(new ContentFile(name, body)), enable, Optional.empty());
        }
        JsonNode files = envelope.get("files");
        if (!files.isArray() || files.isEmpty() || files.size() > MAX_FILES) {
            throw new InvalidRequestException("files must be a list of 1 to " + MAX_FILES + " objects {\"name\",\"content\"}");
        }
        List<ContentFile> read = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            if (!file.path("name").isTextual() || !file.path("content").isTextual()) {
                throw new InvalidRequestException("files[" + i + "] must have a string name and a string content (the file's text)");
            }
            read.add(new ContentFile(file.get("name").asText(), file.get("content").asText()));
        }
        JsonNode enabled = envelope.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw new InvalidRequestException("enabled must be true or false");
        }
        Optional<String> name = Optional.ofNullable(envelope.get("name")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .or(() -> Optional.ofNullable(ctx.queryParam("name")));
        return new ImportRequest(read, enable || enabled != null && enabled.booleanValue(), name);
    }

    /** The body as an envelope of files, or null when it is a content file itself. */
    private static JsonNode envelope(String body) {
        if (body.isBlank()) {
            throw new InvalidRequestException("the body is empty: send a rule or parser file, or {\"files\":[{\"name\",\"content\"}]}");
        }
        String start = body.stripLeading();
        if (!start.startsWith("{")) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(body);
            return tree != null && tree.isObject() && tree.has("files") ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }
}
