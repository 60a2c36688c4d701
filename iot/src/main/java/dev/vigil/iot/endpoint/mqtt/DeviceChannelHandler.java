package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.auth.DeviceAuthenticationException;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.endpoint.MessageOutcome;
import dev.vigil.iot.endpoint.MessageProperties;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IoT Hub rules of one device connection, in front of Moquette's handler.
 *
 * <ul>
 *   <li>CONNECT: client id = device id, username {@code {hub}.{domain}/{deviceId}/?api-version=...},
 *       password = SAS token. Refused with 4 (bad credentials), 5 (device disabled) or 2 (client id
 *       is not the username's device); accepted ones go on to Moquette under the session name
 *       {@code {hub}/{deviceId}}.</li>
 *   <li>PUBLISH to {@code devices/{id}/messages/events/{properties}} goes to the {@link DeviceGateway};
 *       the QoS 1 PUBACK is written only once the gateway's commit is done, in arrival order. A
 *       publish to any other topic, or with QoS 2, closes the connection, as IoT Hub does.</li>
 *   <li>SUBSCRIBE/UNSUBSCRIBE filters and outgoing PUBLISH topics are moved into and out of the
 *       hub's part of the broker's topic space.</li>
 * </ul>
 */
final class DeviceChannelHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceChannelHandler.class);

    private final DeviceGateway gateway;
    private final ConnectedDevices connected;
    private AuthenticatedDevice device;
    private CompletableFuture<Void> acknowledged = CompletableFuture.completedFuture(null);

    DeviceChannelHandler(DeviceGateway gateway, ConnectedDevices connected) {
        this.gateway = gateway;
        this.connected = connected;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (type == MqttMessageType.CONNECT) {
            connect(ctx, (MqttConnectMessage) message);
        } else if (device == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
        } else if (type == MqttMessageType.PUBLISH) {
            publish(ctx, (MqttPublishMessage) message);
        } else if (type == MqttMessageType.SUBSCRIBE) {
            ctx.fireChannelRead(intoHub((MqttSubscribeMessage) message));
        } else if (type == MqttMessageType.UNSUBSCRIBE) {
            ctx.fireChannelRead(intoHub((MqttUnsubscribeMessage) message));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttPublishMessage publish) {
            MqttPublishVariableHeader header = publish.variableHeader();
            msg = new MqttPublishMessage(publish.fixedHeader(),
                    new MqttPublishVariableHeader(DeviceTopics.outOfBroker(header.topicName()), header.packetId()), publish.payload());
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (device != null) {
            connected.remove(device, ctx.channel());
        }
        super.channelInactive(ctx);
    }

    /**
     * A failed TLS handshake, plaintext on the TLS port or bytes that are not MQTT: close the
     * connection here, with a line in the log naming the peer, rather than in Moquette's handler,
     * which reports each as an internal error.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String who = device == null ? "an unauthenticated client" : "device '" + device.device().deviceId() + "'";
        LOG.info("closing the MQTT connection of {} from {}: {}", who, peer(ctx), cause.toString());
        ctx.close();
    }

    private void connect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        if (device != null) {
            ctx.close(); // a second CONNECT is a protocol violation
            return;
        }
        MqttConnectPayload payload = connect.payload();
        String clientId = payload.clientIdentifier();
        String username = payload.userName();
        String password = payload.passwordInBytes() == null ? null : new String(payload.passwordInBytes(), StandardCharsets.UTF_8);
        String[] userParts = username == null ? new String[0] : username.split("/", 3);
        if (userParts.length < 2 || !userParts[1].equals(clientId)) {
            refuse(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
            return;
        }
        try {
            device = gateway.authenticator().authenticate(userParts[0], clientId, password, peer(ctx));
        } catch (DeviceAuthenticationException e) {
            LOG.info("MQTT connect of device '{}' refused: {}", clientId, e.getMessage());
            refuse(ctx, e.reason() == AuthenticationFailure.DEVICE_DISABLED
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        connected.add(device, ctx.channel());
        String session = DeviceTopics.sessionKey(device.hub().name(), clientId);
        MqttConnectPayload renamed = new MqttConnectPayload(session, payload.willProperties(), payload.willTopic(),
                payload.willMessageInBytes(), username, payload.passwordInBytes());
        ctx.fireChannelRead(new MqttConnectMessage(connect.fixedHeader(), connect.variableHeader(), renamed));
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        String topic = publish.variableHeader().topicName();
        int packetId = publish.variableHeader().packetId();
        byte[] body = ByteBufUtil.getBytes(publish.payload());
        publish.release();
        Optional<String> propertyBag = DeviceTopics.eventProperties(topic, device.device().deviceId());
        if (qos == MqttQoS.EXACTLY_ONCE || propertyBag.isEmpty()) {
            LOG.info("closing the MQTT connection of device '{}': publish to '{}' with QoS {}", device.device().deviceId(), topic, qos.value());
            ctx.close();
            return;
        }
        MessageProperties properties = MessageProperties.parse(propertyBag.get());
        DeviceMessage message = new DeviceMessage(device, body, properties.interfaceId(), properties.application(), Protocol.MQTT, peer(ctx));
        CompletableFuture<Void> handled;
        try {
            handled = gateway.receive(message).thenCompose(this::recordIfDropped);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        acknowledged = acknowledged.thenCombine(handled, (previous, current) -> current);
        acknowledged.whenComplete((done, failure) -> {
            if (failure != null) {
                // Not acknowledged: closing makes the device send it again on its next connection.
                LOG.warn("closing the MQTT connection of device '{}': a message could not be stored", device.device().deviceId(), failure);
                ctx.close();
            } else if (qos == MqttQoS.AT_LEAST_ONCE) {
                ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(packetId).build());
            }
        });
    }

    private CompletableFuture<Void> recordIfDropped(MessageOutcome outcome) {
        if (outcome instanceof MessageOutcome.Rejected rejected) {
            LOG.info("dropped a security message of device '{}' received over MQTT: {}", device.device().deviceId(), rejected.error().getMessage());
            return gateway.recordDropped(device, rejected.error(), "MQTT");
        }
        return CompletableFuture.completedFuture(null);
    }

    private MqttSubscribeMessage intoHub(MqttSubscribeMessage subscribe) {
        List<MqttTopicSubscription> filters = subscribe.payload().topicSubscriptions().stream()
                .map(s -> new MqttTopicSubscription(DeviceTopics.inBroker(device.hub().name(), s.topicName()), s.qualityOfService()))
                .toList();
        return new MqttSubscribeMessage(subscribe.fixedHeader(), subscribe.variableHeader(), new MqttSubscribePayload(filters));
    }

    private MqttUnsubscribeMessage intoHub(MqttUnsubscribeMessage unsubscribe) {
        List<String> filters = unsubscribe.payload().topics().stream().map(t -> DeviceTopics.inBroker(device.hub().name(), t)).toList();
        return new MqttUnsubscribeMessage(unsubscribe.fixedHeader(), unsubscribe.variableHeader(), new MqttUnsubscribePayload(filters));
    }

    private static void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
        ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                .addListener(future -> ctx.close());
    }

    private static String peer(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address
                ? address.getHostString() + ":" + address.getPort() : String.valueOf(ctx.channel().remoteAddress());
    }
}
