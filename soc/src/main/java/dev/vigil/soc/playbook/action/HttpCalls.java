package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.playbook.PlaybookStep;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;

/**
 * {@code http} steps. Every request carries {@code Idempotency-Key} (the same for every attempt of
 * the step in the run), so that a receiver can tell a retry from a new request. A status of 400
 * or more fails the attempt.
 */
final class HttpCalls {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MOST_BODY_CHARACTERS = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    JsonNode send(PlaybookStep.HttpRequest step, StepCall call) {
        String url = call.secrets().reveal(call.text(step.url()));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StepFailedException("'" + call.secrets().mask(url) + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new StepFailedException("'" + call.secrets().mask(url) + "' is not an http or https URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(call.timeout()).header(IDEMPOTENCY_KEY, call.idempotencyKey());
        boolean jsonBody = false;
        String body = "";
        if (step.body().isPresent()) {
            JsonNode rendered = step.body().get().render(call.values());
            jsonBody = !rendered.isTextual();
            body = call.secrets().reveal(rendered.isTextual() ? rendered.textValue() : rendered.toString());
        }
        for (Map.Entry<String, dev.vigil.soc.playbook.expression.Template> header : step.headers().entrySet()) {
            request.header(header.getKey(), call.secrets().reveal(call.text(header.getValue())));
        }
        if (jsonBody && step.headers().keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        request.method(step.method(), step.body().isPresent() ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new StepFailedException(step.method() + " " + call.secrets().mask(url) + " had no answer within " + call.timeout());
        } catch (IOException e) {
            throw new StepFailedException(step.method() + " " + call.secrets().mask(url) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException(step.method() + " " + call.secrets().mask(url) + " was interrupted");
        }
        String text = call.secrets().mask(response.body() == null ? "" : response.body());
        if (text.length() > MOST_BODY_CHARACTERS) {
            text = text.substring(0, MOST_BODY_CHARACTERS);
        }
        if (response.statusCode() >= 400) {
            throw new StepFailedException(step.method() + " " + call.secrets().mask(url) + " answered " + response.statusCode() + ": "
                    + text.substring(0, Math.min(text.length(), 500)));
        }
        ObjectNode output = JSON.createObjectNode();
        output.put("status", response.statusCode());
        output.set("body", parsed(text, response.headers().firstValue("Content-Type").orElse("")));
        return output;
    }

    private static JsonNode parsed(String text, String contentType) {
        if (contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                // not JSON after all: kept as text
            }
        }
        return JSON.getNodeFactory().textNode(text);
    }
}
