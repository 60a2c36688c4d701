package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.console.layout.ConsolePaths;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A user signed in to the console over plain HTTP, as the sign-in page does it (the API's login),
 * sending requests as the console's scripts do: the session cookie, and the CSRF token on changes.
 */
public record ConsoleSession(RunningServer server, String cookie, String csrfToken) {

    public static ConsoleSession signIn(RunningServer server, String user, String password) {
        HttpResponse<String> login = server.send(HttpRequest.newBuilder(server.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("username", user, "password", password)))));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        return new ConsoleSession(server, login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                RunningServer.json(login).path("csrfToken").asText());
    }

    public HttpResponse<String> get(String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie).GET());
    }

    /** A form posted by htmx, without waiting for the answer. */
    public CompletableFuture<HttpResponse<String>> postFormAsync(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> ConsolePaths.encode(e.getKey()) + "=" + ConsolePaths.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = change(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return server.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postFormAsync(path, form).join();
    }

    public HttpResponse<String> delete(String path) {
        return server.send(change(path).DELETE());
    }

    private HttpRequest.Builder change(String path) {
        return HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie).header("HX-Request", "true").header("X-CSRF-Token", csrfToken);
    }
}
