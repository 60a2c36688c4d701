package dev.vigil.server.api.iot;

import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.endpoint.mqtt.BridgedConnection;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MQTT over WebSockets, as IoT Hub serves it at {@code /$iothub/websocket} (subprotocol {@code mqtt},
 * which Javalin echoes): each WebSocket carries one MQTT connection, handed to the MQTT endpoint as
 * a {@link BridgedConnection}, so such a device is authenticated and served exactly as one on the
 * MQTT ports. The client's certificate from the HTTPS handshake comes along for X.509 devices.
 */
final class MqttWebSocketRoutes {
    static final String PATH = "/$iothub/websocket";
    private static final String ORIGIN = "vigil.mqtt.origin";
    private static final String CERTIFICATES = "vigil.mqtt.certificates";
    private static final String SERVLET_CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    /** The MQTT endpoint's own limit decides; the WebSocket only has to let a full packet through. */
    private static final long MAX_MESSAGE_BYTES = 2L * DeviceMessage.MAX_BYTES;
    /** MQTT's keep-alive closes silent connections; the WebSocket's own idle timeout must not come first (SDKs ping every few minutes). */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final Optional<MqttEndpoint> mqtt;
    private final Map<String, BridgedConnection> connections = new ConcurrentHashMap<>();

    MqttWebSocketRoutes(Optional<MqttEndpoint> mqtt) {
        this.mqtt = mqtt;
    }

    void register(RoutesConfig routes) {
        if (mqtt.isEmpty()) {
            return;
        }
        routes.wsBeforeUpgrade(PATH, ctx -> {
            ctx.attribute(ORIGIN, ctx.ip() + ":" + ctx.req().getRemotePort() + " (WebSocket)");
            X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(SERVLET_CERTIFICATES);
            ctx.attribute(CERTIFICATES, chain == null ? List.of() : List.of(chain));
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
                ctx.session.setIdleTimeout(IDLE_TIMEOUT);
                List<X509Certificate> certificates = ctx.attribute(CERTIFICATES);
                connections.put(ctx.sessionId(), mqtt.get().openBridged(ctx.attribute(ORIGIN), certificates == null ? List.of() : certificates,
                        bytes -> ctx.send(ByteBuffer.wrap(bytes)), () -> closeQuietly(ctx)));
            });
            ws.onBinaryMessage(ctx -> {
                BridgedConnection connection = connections.get(ctx.sessionId());
                if (connection != null) {
                    ByteBuffer data = ctx.data();
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    connection.write(bytes);
                }
            });
            // MQTT is binary: a text frame is not MQTT, and IoT Hub closes the connection for it
            ws.onMessage(ctx -> ctx.closeSession(1003, "MQTT over WebSockets takes binary frames only"));
            ws.onClose(ctx -> close(ctx.sessionId()));
            ws.onError(ctx -> close(ctx.sessionId()));
        });
    }

    private void close(String sessionId) {
        BridgedConnection connection = connections.remove(sessionId);
        if (connection != null) {
            connection.close();
        }
    }

    private static void closeQuietly(WsContext ctx) {
        if (ctx.session.isOpen()) {
            ctx.closeSession();
        }
    }
}
