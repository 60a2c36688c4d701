package dev.vigil.server.api.iot;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.device.MessageRefusal;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.endpoint.MessageOutcome;
import dev.vigil.iot.endpoint.MessageSystemProperties;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IoT Hub HTTPS device endpoint: {@code POST /devices/{deviceId}/messages/events} (a module's:
 * {@code /devices/{deviceId}/modules/{moduleId}/messages/events}, with a token for the module) with a SAS
 * {@code Authorization} header. Answers 204 once what the message caused is committed (also for a
 * re-sent message, once its original is), 413 {@code MessageTooLarge} over 256 KB.
 */
public final class DeviceEndpointRoutes {
    /** Device paths are authenticated with SAS tokens, not API keys. */
    public static final String PATH_PREFIX = "/devices/";
    private static final String APP_PROPERTY_PREFIX = "iothub-app-";

    private final DeviceGateway gateway;

    public DeviceEndpointRoutes(DeviceGateway gateway) {
        this.gateway = gateway;
    }

    public static boolean isDevicePath(String path) {
        return path.startsWith(PATH_PREFIX);
    }

    public void register(RoutesConfig routes) {
        routes.post("/devices/{deviceId}/messages/events", ctx -> events(ctx, Optional.empty()));
        routes.post("/devices/{deviceId}/modules/{moduleId}/messages/events", ctx -> events(ctx, Optional.of(ctx.pathParam("moduleId"))));
    }

    private void events(Context ctx, Optional<String> moduleId) {
        String deviceId = ctx.pathParam("deviceId");
        String source = ctx.ip() + ":" + ctx.req().getRemotePort();
        AuthenticatedDevice device = DeviceCredentials.authenticate(ctx, gateway.authenticator(), deviceId, moduleId);
        Map<String, String> properties = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(APP_PROPERTY_PREFIX)) {
                properties.put(name.substring(APP_PROPERTY_PREFIX.length()), value);
            }
        });
        DeviceMessage message = new DeviceMessage(device, body(ctx, device, source), Optional.ofNullable(ctx.header(DeviceMessage.INTERFACE_ID_PROPERTY)),
                properties, Protocol.HTTP, source, MessageSystemProperties.fromHttpHeaders(ctx.headerMap()));
        ctx.future(() -> gateway.receive(message).thenAccept(outcome -> {
            if (outcome instanceof MessageOutcome.Rejected rejected) {
                throw rejected.error();
            }
            ctx.status(204);
        }));
    }

    /**
     * The body, read only up to IoT Hub's message limit: a longer one is refused (413
     * {@code MessageTooLarge}) without being buffered, at once when its length is announced.
     */
    private byte[] body(Context ctx, AuthenticatedDevice device, String source) {
        long announced = ctx.contentLength();
        if (announced > DeviceMessage.MAX_BYTES) {
            throw gateway.refuse(device, MessageRefusal.MESSAGE_TOO_LARGE, DeviceGateway.tooLarge(announced + " bytes"), source);
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(DeviceMessage.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the device's request body could not be read", e);
        }
        if (body.length > DeviceMessage.MAX_BYTES) {
            throw gateway.refuse(device, MessageRefusal.MESSAGE_TOO_LARGE, DeviceGateway.tooLarge("more than " + DeviceMessage.MAX_BYTES + " bytes"),
                    source);
        }
        return body;
    }

    /** The hub the device addressed: the Host header when it is a hub host, else the token's resource URI. */
    static String hubHost(Context ctx, String domain) {
        String host = ctx.header("Host");
        if (host == null) {
            return null;
        }
        String name = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.toLowerCase(Locale.ROOT).endsWith("." + domain) ? name : null;
    }
}
