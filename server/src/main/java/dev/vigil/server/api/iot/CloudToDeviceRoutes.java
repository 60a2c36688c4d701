package dev.vigil.server.api.iot;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.endpoint.CloudToDeviceDelivery;
import dev.vigil.iot.endpoint.CloudToDeviceMessage;
import dev.vigil.iot.endpoint.CloudToDeviceQueue;
import dev.vigil.iot.endpoint.DeviceGateway;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Cloud-to-device messages over HTTPS, as IoT Hub serves them, from the queue MQTT uses:
 * {@code GET /devices/{id}/messages/deviceBound} receives the oldest waiting message, locked for a
 * minute (200 with the body, the lock token as {@code ETag} and the message's {@code iothub-*}
 * headers; 204 when none waits); {@code DELETE .../deviceBound/{etag}} completes it,
 * {@code DELETE .../deviceBound/{etag}?reject} rejects it (dropped), {@code POST .../deviceBound/{etag}/abandon}
 * gives it back. A lock that is unknown or timed out is 412 {@code DeviceMessageLockLost}. SAS-authenticated
 * as the device; both {@code deviceBound} and {@code devicebound} (the Java SDK's spelling) are served.
 */
final class CloudToDeviceRoutes {
    private static final List<String> SPELLINGS = List.of("deviceBound", "devicebound");
    private static final String APP_PROPERTY_PREFIX = "iothub-app-";

    private final DeviceGateway gateway;
    private final CloudToDeviceQueue queue;

    CloudToDeviceRoutes(DeviceGateway gateway, CloudToDeviceQueue queue) {
        this.gateway = gateway;
        this.queue = queue;
    }

    void register(RoutesConfig routes) {
        for (String spelling : SPELLINGS) {
            String path = "/devices/{deviceId}/messages/" + spelling;
            routes.get(path, this::receive);
            routes.delete(path + "/{etag}", this::settle);
            routes.post(path + "/{etag}/abandon", ctx -> {
                AuthenticatedDevice device = authenticate(ctx);
                queue.abandon(device.hub().name(), device.device().deviceId(), lockToken(ctx));
                ctx.status(204);
            });
        }
    }

    private void receive(Context ctx) {
        AuthenticatedDevice device = authenticate(ctx);
        Optional<CloudToDeviceDelivery> received = queue.receive(device.hub().name(), device.device().deviceId());
        if (received.isEmpty()) {
            ctx.status(204);
            return;
        }
        CloudToDeviceDelivery delivery = received.get();
        CloudToDeviceMessage message = delivery.message();
        ctx.header("ETag", "\"" + delivery.lockToken() + "\"");
        ctx.header("iothub-messageid", message.messageId());
        ctx.header("iothub-sequencenumber", Long.toString(message.sequence()));
        ctx.header("iothub-enqueuedtime", message.enqueuedAt().toString());
        ctx.header("iothub-expiry", message.expiresAt().toString());
        ctx.header("iothub-deliverycount", Integer.toString(delivery.deliveryCount()));
        ctx.header("iothub-to", "/devices/" + message.deviceId() + "/messages/deviceBound");
        message.properties().forEach((name, value) -> ctx.header(APP_PROPERTY_PREFIX + name, value));
        ctx.contentType("application/octet-stream");
        ctx.result(message.body());
    }

    private void settle(Context ctx) {
        AuthenticatedDevice device = authenticate(ctx);
        // "?reject" (IoT Hub's form) or "?reject=true": dropped rather than completed; both end the message
        queue.settle(device.hub().name(), device.device().deviceId(), lockToken(ctx));
        ctx.status(204);
    }

    private AuthenticatedDevice authenticate(Context ctx) {
        return DeviceCredentials.authenticate(ctx, gateway.authenticator(), ctx.pathParam("deviceId"), Optional.empty());
    }

    /** The ETag as the device echoes it: quoted or not. */
    private static String lockToken(Context ctx) {
        return ctx.pathParam("etag").replace("\"", "").strip();
    }
}
