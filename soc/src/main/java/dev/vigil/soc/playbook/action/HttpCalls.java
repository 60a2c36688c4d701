package dev.vigil.soc.playbook.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.outbound.HttpDestinations;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.outbound.RefusedDestinationException;
import dev.vigil.soc.playbook.PlaybookStep;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * {@code http} steps. Every request carries {@code Idempotency-Key} (the same for every attempt of
 * the step in the run), so that a receiver can tell a retry from a new request. A status of 400
 * or more fails the attempt. Each request's connection resolves its host once, through the check
 * of {@link HttpDestinations}, and connects to the addresses checked. Redirects are followed here
 * (at most {@link #MOST_REDIRECTS}), each checked the same way; once a redirect leaves the URL's
 * origin (scheme, host and port), the step's {@code Authorization}, {@code Proxy-Authorization}
 * and {@code Cookie} headers are no longer sent, as browsers and curl do.
 */
final class HttpCalls {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MOST_REDIRECTS = 5;
    /** What a step's own headers may carry that is meant for its URL's origin alone. */
    static final Set<String> ORIGIN_ONLY_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
    private static final int MOST_BODY_CHARACTERS = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Registry<ConnectionSocketFactory> SOCKETS = RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory()).register("https", SSLConnectionSocketFactory.getSocketFactory())
            .build();

    private final HttpDestinations destinations;

    HttpCalls(HttpDestinations destinations) {
        this.destinations = destinations;
    }

    /** An answer as the step uses it. */
    private record Answer(int status, Optional<String> location, String contentType, String body) {
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
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new StepFailedException("'" + call.secrets().mask(url) + "' names no host");
        }
        boolean jsonBody = false;
        String body = "";
        if (step.body().isPresent()) {
            JsonNode rendered = step.body().get().render(call.values());
            jsonBody = !rendered.isTextual();
            body = call.secrets().reveal(rendered.isTextual() ? rendered.textValue() : rendered.toString());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, dev.vigil.soc.playbook.expression.Template> header : step.headers().entrySet()) {
            headers.put(header.getKey(), call.secrets().reveal(call.text(header.getValue())));
        }
        if (jsonBody && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/json");
        }
        URI origin = uri;
        boolean leftOrigin = false;
        String method = step.method();
        boolean sendsBody = step.body().isPresent();
        Answer response;
        for (int redirects = 0; ; redirects++) {
            String shown = call.secrets().mask(uri.toString());
            leftOrigin = leftOrigin || !sameOrigin(origin, uri);
            HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
            request.addHeader(IDEMPOTENCY_KEY, call.idempotencyKey());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                boolean originOnly = ORIGIN_ONLY_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT));
                if (!(leftOrigin && originOnly) && (sendsBody || !header.getKey().equalsIgnoreCase("Content-Type"))) {
                    request.addHeader(header.getKey(), header.getValue());
                }
            }
            if (sendsBody) {
                request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
            }
            response = exchange(request, uri, method, shown, call);
            if (!isRedirect(response.status()) || response.location().isEmpty()) {
                break;
            }
            if (redirects == MOST_REDIRECTS) {
                throw new StepFailedException(method + " " + call.secrets().mask(url) + " was redirected more than " + MOST_REDIRECTS + " times");
            }
            String location = response.location().get();
            try {
                uri = uri.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new StepFailedException(method + " " + shown + " redirected to '" + location + "', which is not a URL");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new StepFailedException(method + " " + shown + " redirected to '" + location + "', which is not an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new StepFailedException(method + " " + shown + " redirected to '" + location + "', which names no host");
            }
            // as browsers do: 303, and 301/302 after anything but GET or HEAD, go on as a GET without the body
            int status = response.status();
            if (status == 303 || ((status == 301 || status == 302) && !method.equals("GET") && !method.equals("HEAD"))) {
                method = "GET";
                sendsBody = false;
            }
        }
        String text = call.secrets().mask(response.body());
        if (text.length() > MOST_BODY_CHARACTERS) {
            text = text.substring(0, MOST_BODY_CHARACTERS);
        }
        if (response.status() >= 400) {
            throw new StepFailedException(method + " " + call.secrets().mask(uri.toString()) + " answered " + response.status() + ": "
                    + text.substring(0, Math.min(text.length(), 500)));
        }
        ObjectNode output = JSON.createObjectNode();
        output.put("status", response.status());
        output.set("body", parsed(text, response.contentType()));
        return output;
    }

    /** One request, on a connection of its own whose host is resolved (once) and checked by the destinations. */
    private Answer exchange(HttpUriRequestBase request, URI uri, String method, String shown, StepCall call) {
        Timeout timeout = Timeout.ofMilliseconds(call.timeout().toMillis());
        RequestConfig config = RequestConfig.custom().setConnectTimeout(timeout).setResponseTimeout(timeout).setConnectionRequestTimeout(timeout)
                .build();
        BasicHttpClientConnectionManager connection = new BasicHttpClientConnectionManager(SOCKETS, null, null, destinations.pinned(uri));
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connection).disableRedirectHandling().disableCookieManagement()
                .disableAutomaticRetries().disableAuthCaching().setDefaultRequestConfig(config).build()) {
            return client.execute(request, answer -> new Answer(answer.getCode(),
                    Optional.ofNullable(answer.getFirstHeader("Location")).map(Header::getValue),
                    Optional.ofNullable(answer.getFirstHeader("Content-Type")).map(Header::getValue).orElse(""),
                    answer.getEntity() == null ? "" : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8)));
        } catch (RefusedDestinationException e) {
            throw refused(e, shown);
        } catch (InterruptedIOException e) {
            throw new StepFailedException(method + " " + shown + " had no answer within " + call.timeout());
        } catch (IOException e) {
            throw new StepFailedException(method + " " + shown + " failed: " + e, e);
        }
    }

    /** A refused destination in the step's words: which URL, why, and the setting that would allow it. */
    static StepFailedException refused(RefusedDestinationException e, String shown) {
        if (e.refusal().isEmpty()) {
            return new StepFailedException("the host of '" + shown + "' cannot be resolved: " + e.host());
        }
        HttpStepAllowList.Refusal refusal = e.refusal().get();
        return new StepFailedException("'" + shown + "' was refused: " + refusal.reason()
                + "; http steps call such addresses only when the server option " + HttpStepAllowList.OPTION
                + " lists it (e.g. " + HttpStepAllowList.OPTION + " " + refusal.entry() + "), see docs/operations.md");
    }

    private static boolean sameOrigin(URI origin, URI uri) {
        return origin.getScheme().equalsIgnoreCase(uri.getScheme()) && origin.getHost().equalsIgnoreCase(uri.getHost()) && HttpStepAllowList.port(origin) == HttpStepAllowList.port(uri);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static JsonNode parsed(String text, String contentType) {
        if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                // not JSON after all: kept as text
            }
        }
        return JSON.getNodeFactory().textNode(text);
    }
}
