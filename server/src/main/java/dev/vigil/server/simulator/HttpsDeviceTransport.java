package dev.vigil.server.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A device posting to {@code /devices/{id}/messages/events} with its SAS token, as the HTTPS device SDKs do. */
final class HttpsDeviceTransport implements DeviceTransport {
    static final String API_VERSION = "2020-03-13";

    private final HttpClient http;
    private final URI endpoint;
    private final String token;

    HttpsDeviceTransport(HttpClient http, URI server, SimulatedDevice device, String token) {
        this.http = http;
        this.endpoint = server.resolve("/devices/" + device.deviceId() + "/messages/events?api-version=" + API_VERSION);
        this.token = token;
    }

    @Override
    public CompletableFuture<Void> send(String message) {
        return post(message).thenAccept(response -> {
            if (response.statusCode() != 204) {
                throw new DeviceRefusedException(response.statusCode(), response.body());
            }
        });
    }

    /** Posts the message and hands back whatever the hub answered. */
    CompletableFuture<HttpResponse<String>> post(String message) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .header("iothub-interface-id", SecurityMessageWriter.SECURITY_INTERFACE_ID)
                .header("iothub-app-source", "vigil-simulator")
                .POST(HttpRequest.BodyPublishers.ofString(message))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        // The shared client keeps no per-device connection state.
    }
}
