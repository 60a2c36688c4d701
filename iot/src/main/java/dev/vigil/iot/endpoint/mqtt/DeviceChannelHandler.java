package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.auth.DeviceAuthenticationException;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.device.MessageRefusal;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.endpoint.CloudToDeviceMessage;
import dev.vigil.iot.endpoint.CloudToDeviceQueue;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.endpoint.DeviceMessageRefusedException;
import dev.vigil.iot.endpoint.MessageOutcome;
import dev.vigil.iot.endpoint.MessageProperties;
import dev.vigil.iot.endpoint.MessageSystemProperties;
import dev.vigil.iot.method.DirectMethodRequest;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.twin.Twins;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IoT Hub rules of one device connection, in front of Moquette's handler.
 *
 * <ul>
 *   <li>CONNECT: client id = device id, username {@code {hub}.{domain}/{deviceId}/?api-version=...},
 *       password = SAS token; a module connects as {@code {deviceId}/{moduleId}} with the username
 *       {@code {hub}.{domain}/{deviceId}/{moduleId}/?api-version=...}. Refused with 4 (bad
 *       credentials), 5 (device or module disabled) or 2 (client id is not the username's); accepted
 *       ones go on to Moquette under the session name {@code {hub}/{clientId}}.</li>
 *   <li>PUBLISH to {@code devices/{id}/messages/events/{properties}} (a module's:
 *       {@code devices/{id}/modules/{m}/messages/events/...}) goes to the {@link DeviceGateway};
 *       the QoS 1 PUBACK is written only once the gateway's commit is done, in arrival order. A
 *       publish to any other topic, with QoS 2, or over 256 KB closes the connection, as IoT Hub
 *       does, after the messages before it are acknowledged; the reason is reported as a
 *       {@link dev.vigil.iot.device.DeviceRefusal} (and so logged).</li>
 *   <li>SUBSCRIBE/UNSUBSCRIBE filters are moved into the hub's part of the broker's topic space.</li>
 *   <li>Cloud-to-device messages come from the durable {@link CloudToDeviceQueue}, not through the
 *       broker: once the device's subscription to its devicebound topic is granted, and whenever
 *       {@link #CLOUD_TO_DEVICE_WAITING} arrives, the handler sends what waits at QoS 1 with its own
 *       packet ids, and the device's PUBACK completes the message in the queue.</li>
 *   <li>Twins: {@code $iothub/twin/GET/?$rid=} answers the twin, {@code $iothub/twin/PATCH/properties/reported/?$rid=}
 *       stores the patch (off the event loop) and answers 204 with the new {@code $version}, both
 *       on {@code $iothub/twin/res/{status}/?$rid=} once the device subscribed to it; a connection's
 *       twin requests are answered in order. Desired-property changes arrive as
 *       {@link DesiredPropertiesChanged} and go out once the device subscribed to them.</li>
 *   <li>Direct methods: {@link DirectMethodCall} goes out on {@code $iothub/methods/POST/{name}/?$rid=}
 *       once the device subscribed to it; its answer on {@code $iothub/methods/res/{status}/?$rid=}
 *       goes to {@link DirectMethods}.</li>
 *   <li>Persistent sessions: a CONNECT with cleanSession=0 resumes the IoT Hub subscriptions its
 *       session held ({@link MqttSessions}) once the CONNACK, with its session-present flag, is on
 *       its way: notifications, method calls and waiting cloud-to-device messages then flow
 *       without a new SUBSCRIBE. cleanSession=1 discards the session.</li>
 * </ul>
 */
final class DeviceChannelHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceChannelHandler.class);

    /** The user event that tells a connection new cloud-to-device messages wait for its device. */
    static final Object CLOUD_TO_DEVICE_WAITING = new Object();

    private final DeviceGateway gateway;
    private final ConnectedDevices connected;
    private final CloudToDeviceQueue cloudToDevice;
    /** Where the queue's storage calls run, off the event loop. */
    private final Executor storage;
    private final TwinRequests twinRequests;
    private final DirectMethods methods;
    private final MqttSessions sessions;
    /** This handler's place in its pipeline, for calls from other threads. */
    private volatile ChannelHandlerContext context;
    private AuthenticatedDevice device;
    /** The CONNECT asked for a persistent session (cleanSession=0): subscription changes are kept in {@link #sessions}. */
    private boolean persistentSession;
    /** The subscriptions of the resumed session, taken up once the CONNACK goes out; null when no session is resumed (or it was). */
    private EnumSet<HubSubscription> resuming;
    /** A message was refused: the connection takes nothing more and closes once earlier messages are acknowledged. */
    private boolean refusing;
    private CompletableFuture<Void> acknowledged = CompletableFuture.completedFuture(null);
    /** The filters each SUBSCRIBE asked for, by packet id, until its SUBACK passes. */
    private final Map<Integer, List<String>> subscribing = new HashMap<>();
    private boolean cloudToDeviceSubscribed;
    private boolean twinResponsesSubscribed;
    private boolean desiredPropertiesSubscribed;
    /** Read by {@link DirectMethods}' callers on other threads. */
    private volatile boolean methodsSubscribed;
    private boolean loading;
    private boolean loadAgain;
    /** Cloud-to-device messages sent on this connection and not yet acknowledged, by packet id. */
    private final Map<Integer, CloudToDeviceMessage> inFlight = new HashMap<>();
    private int lastPacketId;

    /** A desired-property change for this connection's device or module: the notification's body and {@code $version}. */
    record DesiredPropertiesChanged(byte[] body, long version) {
    }

    /** A direct method request for this connection's device or module. */
    record DirectMethodCall(String requestId, String methodName, byte[] payload) {
    }

    DeviceChannelHandler(DeviceGateway gateway, ConnectedDevices connected, CloudToDeviceQueue cloudToDevice, Executor storage, Twins twins,
            ReportedPatchWriter reportedPatches, DirectMethods methods, MqttSessions sessions) {
        this.gateway = gateway;
        this.sessions = sessions;
        this.connected = connected;
        this.cloudToDevice = cloudToDevice;
        this.storage = storage;
        this.twinRequests = new TwinRequests(twins, reportedPatches);
        this.methods = methods;
    }

    /** Whether direct method requests can go out on this connection. */
    boolean methodsSubscribed() {
        return methodsSubscribed;
    }

    /**
     * Sends a direct method request on this connection, from any thread: straight to this handler
     * on the connection's event loop, rather than as a user event walking the pipeline from its head.
     */
    void sendMethodRequest(DirectMethodCall call) {
        ChannelHandlerContext ctx = context;
        if (ctx.executor().inEventLoop()) {
            sendMethodRequest(ctx, call);
        } else {
            ctx.executor().execute(() -> sendMethodRequest(ctx, call));
        }
    }

    private void sendMethodRequest(ChannelHandlerContext ctx, DirectMethodCall call) {
        if (methodsSubscribed) {
            sendAtMostOnce(ctx, DeviceTopics.methodRequest(call.methodName(), call.requestId()), call.payload());
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
            closeOnUndecodable(ctx, msg);
            ReferenceCountUtil.release(msg);
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (type == MqttMessageType.CONNECT) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl != null && !ssl.handshakeFuture().isDone()) {
                // the CONNECT can be decoded before the server has finished the handshake; its client certificate counts only after
                ssl.handshakeFuture().addListener(done -> {
                    if (done.isSuccess()) {
                        connect(ctx, (MqttConnectMessage) message);
                    } else {
                        ReferenceCountUtil.release(message);
                    }
                });
                return;
            }
            connect(ctx, (MqttConnectMessage) message);
        } else if (device == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
        } else if (type == MqttMessageType.PUBLISH) {
            publish(ctx, (MqttPublishMessage) message);
        } else if (type == MqttMessageType.SUBSCRIBE) {
            MqttSubscribeMessage subscribe = (MqttSubscribeMessage) message;
            List<String> filters = subscribe.payload().topicSubscriptions().stream().map(MqttTopicSubscription::topicName).toList();
            subscribing.put(subscribe.variableHeader().messageId(), filters);
            ctx.fireChannelRead(intoHub(subscribe));
            subscribing(ctx, filters);
        } else if (type == MqttMessageType.UNSUBSCRIBE) {
            ctx.fireChannelRead(intoHub((MqttUnsubscribeMessage) message));
        } else if (type == MqttMessageType.PUBACK && inFlight.containsKey(((MqttPubAckMessage) message).variableHeader().messageId())) {
            // A cloud-to-device message of ours, not Moquette's: done.
            CloudToDeviceMessage done = inFlight.remove(((MqttPubAckMessage) message).variableHeader().messageId());
            storage.execute(() -> cloudToDevice.complete(done));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttConnAckMessage connAck && device != null
                && connAck.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            // present when Vigil kept a session for the client: the broker's own sessions hold none of what a session restores here
            ctx.write(MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED).sessionPresent(resuming != null).build(),
                    promise);
            resumeSession(ctx);
            return;
        }
        ctx.write(msg, promise);
        if (msg instanceof MqttSubAckMessage subAck) {
            granted(ctx, subAck);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == CLOUD_TO_DEVICE_WAITING) {
            deliverWaiting(ctx);
        } else if (event instanceof DesiredPropertiesChanged changed) {
            if (desiredPropertiesSubscribed) {
                sendAtMostOnce(ctx, DeviceTopics.desiredPropertiesNotification(changed.version()), changed.body());
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
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
        String who = device == null ? "an unauthenticated client" : "device '" + device.clientId() + "'";
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
        String[] userParts = username == null ? new String[0] : username.split("/", 4);
        if (userParts.length < 2) {
            refuseBeforeToken(ctx, userParts.length > 0 ? userParts[0] : "", clientId, Optional.empty(), AuthenticationFailure.MALFORMED_CREDENTIALS,
                    "the username must be '{hub}.{domain}/{deviceId}/?api-version=...' or '{hub}.{domain}/{deviceId}/{moduleId}/?api-version=...', was '"
                            + username + "'",
                    MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        // a third segment that is not the query names a module; ids hold no '/' and no '?'
        Optional<String> moduleId = userParts.length > 2 && !userParts[2].isEmpty() && !userParts[2].startsWith("?")
                ? Optional.of(userParts[2]) : Optional.empty();
        String expectedClientId = userParts[1] + moduleId.map(m -> "/" + m).orElse("");
        if (!expectedClientId.equals(clientId)) {
            refuseBeforeToken(ctx, userParts[0], userParts[1], moduleId, AuthenticationFailure.CLIENT_ID_MISMATCH,
                    "the client id '" + clientId + "' is not the " + (moduleId.isPresent() ? "module '" : "device '") + expectedClientId
                            + "' named in the username",
                    MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
            return;
        }
        ConnectionOrigin origin = ConnectionOrigin.of(ctx.channel());
        try {
            // no password and a client certificate from the TLS handshake: an X.509 device or module (IoT Hub's MQTT CONNECT for those)
            device = (password == null || password.isEmpty()) && !origin.clientCertificates().isEmpty()
                    ? gateway.authenticator().authenticateCertificate(userParts[0], userParts[1], moduleId, origin.clientCertificates(), origin.peer())
                    : gateway.authenticator().authenticate(userParts[0], userParts[1], moduleId, password, origin.peer());
        } catch (DeviceAuthenticationException e) {
            LOG.info("MQTT connect of '{}' refused: {}", clientId, e.getMessage());
            refuse(ctx, e.reason() == AuthenticationFailure.DEVICE_DISABLED || e.reason().name().startsWith("X509_")
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        connected.add(device, ctx.channel());
        String session = DeviceTopics.sessionKey(device.address());
        persistentSession = !connect.variableHeader().isCleanSession();
        if (persistentSession) {
            // taken up when the CONNACK goes out: nothing may reach the client before it
            resuming = sessions.resume(session).map(held -> {
                EnumSet<HubSubscription> copy = EnumSet.noneOf(HubSubscription.class);
                copy.addAll(held);
                return copy;
            }).orElse(null);
            sessions.keep(session, subscriptions());
        } else {
            sessions.discard(session);
        }
        // an X.509 device or module sends no password, which Moquette would refuse: it gets a stand-in (the device is authenticated already)
        byte[] passwordBytes = payload.passwordInBytes() != null ? payload.passwordInBytes() : "x509".getBytes(StandardCharsets.UTF_8);
        MqttConnectPayload renamed = new MqttConnectPayload(session, payload.willProperties(), payload.willTopic(),
                payload.willMessageInBytes(), username, passwordBytes);
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttConnectVariableHeader withPassword = new MqttConnectVariableHeader(header.name(), header.version(), header.hasUserName(), true,
                header.isWillRetain(), header.willQos(), header.isWillFlag(), header.isCleanSession(), header.keepAliveTimeSeconds());
        ctx.fireChannelRead(new MqttConnectMessage(connect.fixedHeader(), withPassword, renamed));
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        String topic = publish.variableHeader().topicName();
        int packetId = publish.variableHeader().packetId();
        byte[] body = ByteBufUtil.getBytes(publish.payload());
        publish.release();
        if (LOG.isDebugEnabled()) {
            LOG.debug("PUBLISH of '{}' to '{}' (QoS {}, {} bytes)", device.clientId(), topic, qos.value(), body.length);
        }
        if (qos == MqttQoS.EXACTLY_ONCE) {
            refuse(ctx, MessageRefusal.QOS_NOT_SUPPORTED, "a PUBLISH to '" + topic + "' with QoS 2; IoT Hub takes QoS 0 and 1 only");
            return;
        }
        if (topic.startsWith(DeviceTopics.TWIN_GET_PREFIX) || topic.startsWith(DeviceTopics.REPORTED_PATCH_PREFIX)) {
            twinRequest(ctx, topic, body, qos, packetId);
            return;
        }
        if (topic.startsWith(DeviceTopics.METHOD_RESPONSE_PREFIX)) {
            methodResponse(ctx, topic, body, qos, packetId);
            return;
        }
        Optional<String> propertyBag = DeviceTopics.eventProperties(topic, device.address());
        if (propertyBag.isEmpty()) {
            refuse(ctx, MessageRefusal.TOPIC_NOT_ALLOWED, "a PUBLISH to '" + topic + "'; the " + (device.module().isPresent() ? "module" : "device")
                    + " may publish only to '" + DeviceTopics.eventsPrefix(device.address()) + "{properties}' and to '$iothub/twin/...' and '$iothub/methods/res/...'");
            return;
        }
        MessageProperties properties = MessageProperties.parse(propertyBag.get());
        DeviceMessage message = new DeviceMessage(device, body, properties.interfaceId(), properties.application(), Protocol.MQTT, peer(ctx),
                MessageSystemProperties.fromMqtt(properties.system()));
        CompletableFuture<Void> handled;
        try {
            handled = gateway.receive(message).thenCompose(this::recordIfDropped);
        } catch (DeviceMessageRefusedException e) {
            closeAfterAcknowledgements(ctx); // the gateway reported why
            return;
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        acknowledgeInOrder(ctx, handled, qos, packetId);
    }

    /**
     * PUBACKs a QoS 1 message once it and every message before it is handled; a failure closes the connection unacknowledged.
     *
     * @return completes once the PUBACK is written (or would have been, for QoS 0), so that an answer can follow it
     */
    private CompletableFuture<Void> acknowledgeInOrder(ChannelHandlerContext ctx, CompletableFuture<Void> handled, MqttQoS qos, int packetId) {
        acknowledged = acknowledged.thenCombine(handled, (previous, current) -> current);
        CompletableFuture<Void> written = new CompletableFuture<>();
        acknowledged.whenComplete((done, failure) -> {
            if (failure != null) {
                // Not acknowledged: closing makes the device send it again on its next connection.
                LOG.warn("closing the MQTT connection of device '{}': a message could not be stored", device.clientId(), failure);
                ctx.close();
                written.completeExceptionally(failure);
                return;
            }
            if (qos == MqttQoS.AT_LEAST_ONCE) {
                ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(packetId).build());
            }
            written.complete(null);
        });
        return written;
    }

    /** A twin GET or reported-properties PATCH; the connection stays open whatever the answer. */
    private void twinRequest(ChannelHandlerContext ctx, String topic, byte[] body, MqttQoS qos, int packetId) {
        Optional<String> requestId = DeviceTopics.requestId(topic);
        if (requestId.isEmpty()) {
            refuse(ctx, MessageRefusal.TOPIC_NOT_ALLOWED, "a twin request to '" + topic + "' without '?$rid={request id}'");
            return;
        }
        boolean get = topic.startsWith(DeviceTopics.TWIN_GET_PREFIX);
        // as IoT Hub: the request is acknowledged on receipt and answered after; the SDKs lose an answer that overtakes the PUBACK
        CompletableFuture<Void> received = acknowledgeInOrder(ctx, CompletableFuture.completedFuture(null), qos, packetId);
        CompletableFuture<Void> answered = twinRequests.take(device.address(), get, body, ctx.executor(), reply -> received.thenRunAsync(() -> {
            if (twinResponsesSubscribed) {
                sendAtMostOnce(ctx, DeviceTopics.twinResponse(reply.status(), requestId.get(), reply.version()), reply.body());
            } else {
                LOG.info("device '{}' sent a twin request without subscribing to '{}': the answer is dropped, as IoT Hub does",
                        device.clientId(), DeviceTopics.TWIN_RESPONSES_FILTER);
            }
        }, ctx.executor()));
        answered.whenComplete((done, failure) -> {
            if (failure != null) {
                // the patch could not be stored: the device gets no answer and, reconnecting, sends it again
                LOG.warn("closing the MQTT connection of device '{}': a twin request failed", device.clientId(), failure);
                ctx.close();
            }
        });
    }

    /** The device's answer to a direct method; an answer to no waiting request is dropped with a log line, as IoT Hub ignores it. */
    private void methodResponse(ChannelHandlerContext ctx, String topic, byte[] body, MqttQoS qos, int packetId) {
        Optional<String> requestId = DeviceTopics.requestId(topic);
        Optional<Integer> status = DeviceTopics.methodResponseStatus(topic);
        if (requestId.isEmpty() || status.isEmpty()) {
            refuse(ctx, MessageRefusal.TOPIC_NOT_ALLOWED, "a method response to '" + topic + "'; it must be '$iothub/methods/res/{status}/?$rid={request id}'");
            return;
        }
        if (body.length > DirectMethodRequest.MAX_PAYLOAD_BYTES) {
            refuse(ctx, MessageRefusal.MESSAGE_TOO_LARGE, "a method response of " + body.length + " bytes; IoT Hub takes at most "
                    + DirectMethodRequest.MAX_PAYLOAD_BYTES);
            return;
        }
        if (!methods.respond(device.address(), requestId.get(), status.get(), body)) {
            LOG.info("device '{}' answered method request '{}', which no call waits for (answered, timed out or unknown)", device.clientId(),
                    requestId.get());
        }
        acknowledgeInOrder(ctx, CompletableFuture.completedFuture(null), qos, packetId);
    }

    private void sendAtMostOnce(ChannelHandlerContext ctx, String topic, byte[] body) {
        ctx.writeAndFlush(MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_MOST_ONCE).retained(false)
                .payload(Unpooled.wrappedBuffer(body)).build());
    }

    /**
     * Reports why the device's message is refused and closes the connection, as IoT Hub does:
     * MQTT 3.1.1 has no way to tell the device why, so the reason goes to the log.
     */
    private void refuse(ChannelHandlerContext ctx, MessageRefusal reason, String detail) {
        gateway.refuse(device, reason, detail, peer(ctx));
        closeAfterAcknowledgements(ctx);
    }

    /** Reads nothing more, then closes once the messages taken before have been acknowledged. */
    private void closeAfterAcknowledgements(ChannelHandlerContext ctx) {
        refusing = true;
        ctx.channel().config().setAutoRead(false);
        acknowledged.whenComplete((done, failure) -> ctx.close());
    }

    /**
     * A packet the decoder could not take. One longer than any message IoT Hub takes is refused
     * before its payload is read (the decoder discards it as it arrives); others are not MQTT.
     */
    private void closeOnUndecodable(ChannelHandlerContext ctx, Object msg) {
        Throwable cause = msg instanceof MqttMessage message ? message.decoderResult().cause() : null;
        if (cause instanceof TooLongFrameException && device != null) {
            MqttFixedHeader header = ((MqttMessage) msg).fixedHeader();
            String size = header == null ? "longer than the limit" : header.remainingLength() + " bytes (MQTT " + header.messageType() + ")";
            refuse(ctx, MessageRefusal.MESSAGE_TOO_LARGE, DeviceGateway.tooLarge(size));
            return;
        }
        String who = device == null ? "an unauthenticated client" : "device '" + device.clientId() + "'";
        LOG.info("closing the MQTT connection of {} from {}: the packet is not valid MQTT 3.1.1 ({})", who, peer(ctx),
                cause == null ? msg.getClass().getSimpleName() : cause.getMessage());
        ctx.close();
    }

    private CompletableFuture<Void> recordIfDropped(MessageOutcome outcome) {
        if (outcome instanceof MessageOutcome.Rejected rejected) {
            LOG.info("dropped a security message of device '{}' received over MQTT: {}", device.device().deviceId(), rejected.error().getMessage());
            return gateway.recordDropped(device, rejected.error(), "MQTT");
        }
        return CompletableFuture.completedFuture(null);
    }

    /** A SUBACK on its way to the device: a granted devicebound subscription starts cloud-to-device delivery. */
    private void granted(ChannelHandlerContext ctx, MqttSubAckMessage subAck) {
        List<String> filters = subscribing.remove(subAck.variableHeader().messageId());
        if (filters == null || device.module().isPresent()) {
            return;
        }
        List<Integer> granted = subAck.payload().grantedQoSLevels();
        int index = filters.indexOf(DeviceTopics.cloudToDeviceFilter(device.device().deviceId()));
        if (index >= 0 && index < granted.size() && granted.get(index) < 0x80) {
            cloudToDeviceSubscribed = true;
            keepSession();
            deliverWaiting(ctx);
        }
    }

    /**
     * The twin and method filters, which every device and module is granted ({@link DeviceTopicPolicy}),
     * count as subscribed as soon as they are asked for: the SDKs publish their first twin request
     * right after the SUBSCRIBE, without waiting for the SUBACK, which the broker may write later.
     */
    private void subscribing(ChannelHandlerContext ctx, List<String> filters) {
        twinResponsesSubscribed |= filters.contains(DeviceTopics.TWIN_RESPONSES_FILTER);
        desiredPropertiesSubscribed |= filters.contains(DeviceTopics.DESIRED_PROPERTIES_FILTER);
        if (filters.contains(DeviceTopics.METHODS_FILTER)) {
            methodsSubscribed = true;
            DeviceAddress address = device.address();
            // calls waiting for the device to come online go out now, after the SUBSCRIBE reached the broker
            ctx.executor().execute(() -> methods.methodsSubscribed(address));
        }
        keepSession();
    }

    /**
     * The CONNACK of a CONNECT that resumed a session is on its way: its subscriptions hold again,
     * as if the device had just subscribed; waiting cloud-to-device messages and method calls go out.
     */
    private void resumeSession(ChannelHandlerContext ctx) {
        Set<HubSubscription> resumed = resuming;
        resuming = null;
        if (resumed == null || resumed.isEmpty()) {
            return;
        }
        LOG.debug("'{}' resumed its MQTT session with {}", device.clientId(), resumed);
        twinResponsesSubscribed |= resumed.contains(HubSubscription.TWIN_RESPONSES);
        desiredPropertiesSubscribed |= resumed.contains(HubSubscription.DESIRED_PROPERTIES);
        if (resumed.contains(HubSubscription.METHODS)) {
            methodsSubscribed = true;
            DeviceAddress address = device.address();
            ctx.executor().execute(() -> methods.methodsSubscribed(address));
        }
        if (resumed.contains(HubSubscription.CLOUD_TO_DEVICE) && device.module().isEmpty()) {
            cloudToDeviceSubscribed = true;
            deliverWaiting(ctx);
        }
    }

    /** What this connection is subscribed to, with what a session being resumed brings. */
    private Set<HubSubscription> subscriptions() {
        EnumSet<HubSubscription> held = resuming == null ? EnumSet.noneOf(HubSubscription.class) : EnumSet.copyOf(resuming);
        if (cloudToDeviceSubscribed) {
            held.add(HubSubscription.CLOUD_TO_DEVICE);
        }
        if (twinResponsesSubscribed) {
            held.add(HubSubscription.TWIN_RESPONSES);
        }
        if (desiredPropertiesSubscribed) {
            held.add(HubSubscription.DESIRED_PROPERTIES);
        }
        if (methodsSubscribed) {
            held.add(HubSubscription.METHODS);
        }
        return held;
    }

    /** A persistent session keeps the subscriptions as they are now, for the next CONNECT with cleanSession=0. */
    private void keepSession() {
        if (persistentSession) {
            sessions.keep(DeviceTopics.sessionKey(device.address()), subscriptions());
        }
    }

    /** Sends what waits for the device and is not on its way yet; the queue is read off the event loop. */
    private void deliverWaiting(ChannelHandlerContext ctx) {
        if (!cloudToDeviceSubscribed) {
            return;
        }
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        String hub = device.hub().name();
        String deviceId = device.device().deviceId();
        CompletableFuture.supplyAsync(() -> cloudToDevice.deliverable(hub, deviceId), storage).whenCompleteAsync((waiting, failure) -> {
            loading = false;
            if (failure != null) {
                LOG.warn("could not read the cloud-to-device messages of device '{}'", deviceId, failure);
            } else if (ctx.channel().isActive()) {
                waiting.stream().filter(message -> !isInFlight(message)).forEach(message -> send(ctx, message));
            }
            if (loadAgain) {
                loadAgain = false;
                deliverWaiting(ctx);
            }
        }, ctx.executor());
    }

    private void send(ChannelHandlerContext ctx, CloudToDeviceMessage message) {
        int packetId = nextPacketId();
        inFlight.put(packetId, message);
        String topic = DeviceTopics.cloudToDeviceTopic(message.deviceId(), message.messageId(), message.properties());
        ctx.writeAndFlush(MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_LEAST_ONCE).retained(false)
                .messageId(packetId).payload(Unpooled.wrappedBuffer(message.body())).build());
    }

    private boolean isInFlight(CloudToDeviceMessage message) {
        return inFlight.values().stream().anyMatch(sent -> sent.messageId().equals(message.messageId()));
    }

    private int nextPacketId() {
        do {
            lastPacketId = lastPacketId % 65_535 + 1;
        } while (inFlight.containsKey(lastPacketId));
        return lastPacketId;
    }

    private MqttSubscribeMessage intoHub(MqttSubscribeMessage subscribe) {
        List<MqttTopicSubscription> filters = subscribe.payload().topicSubscriptions().stream()
                .map(s -> new MqttTopicSubscription(DeviceTopics.inBroker(device.hub().name(), s.topicName()), s.qualityOfService()))
                .toList();
        return new MqttSubscribeMessage(subscribe.fixedHeader(), subscribe.variableHeader(), new MqttSubscribePayload(filters));
    }

    private MqttUnsubscribeMessage intoHub(MqttUnsubscribeMessage unsubscribe) {
        List<String> topics = unsubscribe.payload().topics();
        EnumSet<HubSubscription> dropped = EnumSet.noneOf(HubSubscription.class);
        if (topics.contains(DeviceTopics.cloudToDeviceFilter(device.device().deviceId()))) {
            cloudToDeviceSubscribed = false;
            dropped.add(HubSubscription.CLOUD_TO_DEVICE);
        }
        if (topics.contains(DeviceTopics.TWIN_RESPONSES_FILTER)) {
            twinResponsesSubscribed = false;
            dropped.add(HubSubscription.TWIN_RESPONSES);
        }
        if (topics.contains(DeviceTopics.DESIRED_PROPERTIES_FILTER)) {
            desiredPropertiesSubscribed = false;
            dropped.add(HubSubscription.DESIRED_PROPERTIES);
        }
        if (topics.contains(DeviceTopics.METHODS_FILTER)) {
            methodsSubscribed = false;
            dropped.add(HubSubscription.METHODS);
        }
        if (resuming != null) {
            resuming.removeAll(dropped);
        }
        keepSession();
        List<String> filters = unsubscribe.payload().topics().stream().map(t -> DeviceTopics.inBroker(device.hub().name(), t)).toList();
        return new MqttUnsubscribeMessage(unsubscribe.fixedHeader(), unsubscribe.variableHeader(), new MqttUnsubscribePayload(filters));
    }

    private void refuseBeforeToken(ChannelHandlerContext ctx, String hubHost, String deviceId, Optional<String> moduleId, AuthenticationFailure reason,
            String detail, MqttConnectReturnCode code) {
        DeviceAuthenticationException refusal = gateway.authenticator().reportRefusal(hubHost, deviceId, moduleId, reason, detail, peer(ctx));
        LOG.info("MQTT connect of '{}' refused: {}", deviceId + moduleId.map(m -> "/" + m).orElse(""), refusal.getMessage());
        refuse(ctx, code);
    }

    private static void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
        ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                .addListener(future -> ctx.close());
    }

    private static String peer(ChannelHandlerContext ctx) {
        return ConnectionOrigin.of(ctx.channel()).peer();
    }
}
