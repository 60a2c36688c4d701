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
import java.util.Optional;

/**
 * {@code http} steps. Every request carries {@code Idempotency-Key} (the same for every attempt of
 * the step in the run), so that a receiver can tell a retry from a new request. A status of 400
 * or more fails the attempt. The destination is checked before the request and before each
 * redirect, which are followed here (at most {@link #MOST_REDIRECTS}) rather than by the client
 * for that reason ({@link HttpDestinations}).
 */
final class HttpCalls {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MOST_REDIRECTS = 5;
    private static final int MOST_BODY_CHARACTERS = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpDestinations destinations;

    HttpCalls(HttpDestinations destinations) {
        this.destinations = destinations;
    }

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
        boolean jsonBody = false;
        String body = "";
        if (step.body().isPresent()) {
            JsonNode rendered = step.body().get().render(call.values());
            jsonBody = !rendered.isTextual();
            body = call.secrets().reveal(rendered.isTextual() ? rendered.textValue() : rendered.toString());
        }
        String method = step.method();
        boolean sendsBody = step.body().isPresent();
        HttpResponse<String> response;
        for (int redirects = 0; ; redirects++) {
            String shown = call.secrets().mask(uri.toString());
            destinations.check(uri, shown);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(call.timeout()).header(IDEMPOTENCY_KEY, call.idempotencyKey());
            for (Map.Entry<String, dev.vigil.soc.playbook.expression.Template> header : step.headers().entrySet()) {
                request.header(header.getKey(), call.secrets().reveal(call.text(header.getValue())));
            }
            if (sendsBody && jsonBody && step.headers().keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, sendsBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
            response = exchange(request.build(), method, shown, call);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                break;
            }
            if (redirects == MOST_REDIRECTS) {
                throw new StepFailedException(method + " " + call.secrets().mask(url) + " was redirected more than " + MOST_REDIRECTS + " times");
            }
            try {
                uri = uri.resolve(location.get());
            } catch (IllegalArgumentException e) {
                throw new StepFailedException(method + " " + shown + " redirected to '" + location.get() + "', which is not a URL");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new StepFailedException(method + " " + shown + " redirected to '" + location.get() + "', which is not an http or https URL");
            }
            // as browsers do: 303, and 301/302 after anything but GET or HEAD, go on as a GET without the body
            int status = response.statusCode();
            if (status == 303 || ((status == 301 || status == 302) && !method.equals("GET") && !method.equals("HEAD"))) {
                method = "GET";
                sendsBody = false;
            }
        }
        String text = call.secrets().mask(response.body() == null ? "" : response.body());
        if (text.length() > MOST_BODY_CHARACTERS) {
            text = text.substring(0, MOST_BODY_CHARACTERS);
        }
        if (response.statusCode() >= 400) {
            throw new StepFailedException(method + " " + call.secrets().mask(uri.toString()) + " answered " + response.statusCode() + ": "
                    + text.substring(0, Math.min(text.length(), 500)));
        }
        ObjectNode output = JSON.createObjectNode();
        output.put("status", response.statusCode());
        output.set("body", parsed(text, response.headers().firstValue("Content-Type").orElse("")));
        return output;
    }

    private HttpResponse<String> exchange(HttpRequest request, String method, String shown, StepCall call) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new StepFailedException(method + " " + shown + " had no answer within " + call.timeout());
        } catch (IOException e) {
            throw new StepFailedException(method + " " + shown + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException(method + " " + shown + " was interrupted");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
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
