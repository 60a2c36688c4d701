package dev.vigil.iot.endpoint.mqtt;

import dev.vigil.iot.action.DeviceConnections;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.endpoint.CloudToDeviceQueue;
import dev.vigil.iot.endpoint.DeviceGateway;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.method.MethodTransport;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.twin.Twins;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import dev.vigil.iot.endpoint.tls.TlsIdentity;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 device endpoint: Moquette's sessions, subscriptions and message delivery behind
 * Vigil's own listeners (plaintext and TLS), with {@link DeviceChannelHandler} in every pipeline.
 * Devices and their modules connect here; twin requests, desired-property notifications and
 * direct methods go through it too.
 */
public final class MqttEndpoint implements DeviceConnections, MethodTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttEndpoint.class);
    /** Seconds a connection may stay silent before its CONNECT; afterwards the keep-alive rules. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /**
     * The longest packet decoded: a message at IoT Hub's limit plus the most a PUBLISH adds (topic
     * length, a topic of up to 65,535 bytes holding the properties, packet id). The gateway checks
     * the exact limit; longer packets are refused by the decoder, which with Netty's 4.1 decoder
     * happens once the topic is read and discards the payload as it arrives instead of buffering it.
     */
    static final int MAX_PACKET_BYTES = DeviceMessage.MAX_BYTES + 2 + 65_535 + 2;

    private final Server broker;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final List<Channel> listeners;
    private final ConnectedDevices connected;
    private final CloudToDeviceQueue cloudToDevice;
    private final ExecutorService storage;
    private final int plainPort;
    private final int tlsPort;
    private final LocalAddress bridgeAddress;
    /** Origins of bridged connections between {@link #openBridged} and their channel's start, by the id of their local address. */
    private final Map<String, ConnectionOrigin> bridgedOrigins;
    private final AtomicLong bridgedCount = new AtomicLong();

    private MqttEndpoint(Server broker, EventLoopGroup bossGroup, EventLoopGroup workerGroup, List<Channel> listeners,
            ConnectedDevices connected, CloudToDeviceQueue cloudToDevice, ExecutorService storage, int plainPort, int tlsPort,
            LocalAddress bridgeAddress, Map<String, ConnectionOrigin> bridgedOrigins) {
        this.broker = broker;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.listeners = listeners;
        this.connected = connected;
        this.cloudToDevice = cloudToDevice;
        this.storage = storage;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
        this.bridgeAddress = bridgeAddress;
        this.bridgedOrigins = bridgedOrigins;
    }

    /** Starts the listeners, with persistent sessions kept in memory only. */
    public static MqttEndpoint start(MqttSettings settings, DeviceGateway gateway, IotRegistry registry, CloudToDeviceQueue cloudToDevice,
            Twins twins, DirectMethods methods) {
        return start(settings, gateway, registry, cloudToDevice, twins, methods, MqttSessions.inMemory());
    }

    /**
     * Starts the listeners.
     *
     * @param cloudToDevice where cloud-to-device messages wait for their devices
     * @param twins the device and module twins; their desired-property changes are sent to live connections
     * @param methods direct method calls, which this endpoint carries from now on
     * @param sessions the persistent sessions (cleanSession=0) of devices and modules
     */
    public static MqttEndpoint start(MqttSettings settings, DeviceGateway gateway, IotRegistry registry, CloudToDeviceQueue cloudToDevice,
            Twins twins, DirectMethods methods, MqttSessions sessions) {
        IConfig config = brokerConfig();
        Server broker = new Server();
        // Every CONNECT reaching Moquette has passed DeviceChannelHandler's SAS check.
        IAuthenticator alreadyAuthenticated = (clientId, username, password) -> true;
        try {
            broker.startServer(config, List.of(), null, alreadyAuthenticated, new DeviceTopicPolicy());
        } catch (IOException e) {
            throw new UncheckedIOException("the MQTT broker did not start", e);
        }
        ChannelHandler moquette = MoquetteSessionLayer.handlerOf(broker, config, alreadyAuthenticated);
        ConnectedDevices connected = new ConnectedDevices();
        ExecutorService storage = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigil-mqtt-storage");
            thread.setDaemon(true);
            return thread;
        });
        sessions.writeWith(storage);
        ChannelPipelineParts parts = new ChannelPipelineParts(gateway, connected, moquette, cloudToDevice, storage, twins,
                new ReportedPatchWriter(twins, storage), methods, sessions);
        EventLoopGroup bossGroup = new NioEventLoopGroup(1);
        EventLoopGroup workerGroup = new NioEventLoopGroup();
        List<Channel> listeners = new ArrayList<>();
        try {
            int plain = -1;
            int tls = -1;
            if (settings.plainPort() != MqttSettings.DISABLED) {
                Channel channel = listen(bossGroup, workerGroup, settings.host(), settings.plainPort(), null, parts);
                listeners.add(channel);
                plain = ((InetSocketAddress) channel.localAddress()).getPort();
            }
            if (settings.tlsPort() != MqttSettings.DISABLED) {
                SslContext ssl = sslContext(settings.tls().orElseThrow());
                Channel channel = listen(bossGroup, workerGroup, settings.host(), settings.tlsPort(), ssl, parts);
                listeners.add(channel);
                tls = ((InetSocketAddress) channel.localAddress()).getPort();
            }
            Map<String, ConnectionOrigin> bridgedOrigins = new ConcurrentHashMap<>();
            LocalAddress bridgeAddress = new LocalAddress("vigil-mqtt-bridge-" + java.util.UUID.randomUUID());
            listeners.add(bridge(bossGroup, workerGroup, bridgeAddress, bridgedOrigins, parts));
            MqttEndpoint endpoint = new MqttEndpoint(broker, bossGroup, workerGroup, listeners, connected, cloudToDevice, storage, plain, tls,
                    bridgeAddress, bridgedOrigins);
            registry.addDeviceChangeListener((before, after) -> {
                // a disabled or deleted device, or one whose key was replaced, may not keep a session it opened before
                if (after.isEmpty() || !after.get().enabled() || !after.get().sameKeys(before)) {
                    connected.closeWithModules(before.hubName(), before.deviceId());
                }
                if (after.isEmpty()) {
                    storage.execute(() -> cloudToDevice.purge(before.hubName(), before.deviceId()));
                    sessions.discardWithModules(before.hubName(), before.deviceId());
                }
            });
            registry.addModuleChangeListener((before, after) -> {
                DeviceAddress module = DeviceAddress.module(before.hubName(), before.deviceId(), before.moduleId());
                if (after.isEmpty() || !after.get().enabled()) {
                    connected.close(module);
                }
                if (after.isEmpty()) {
                    sessions.discard(DeviceTopics.sessionKey(module));
                }
            });
            twins.addListener((twin, patch) -> connected.notify(twin.target(),
                    new DeviceChannelHandler.DesiredPropertiesChanged(patch.toString().getBytes(StandardCharsets.UTF_8), twin.desired().version())));
            methods.attach(endpoint);
            LOG.info("MQTT endpoint listening on {} (plaintext port {}, TLS port {})", settings.host(), plain, tls);
            return endpoint;
        } catch (RuntimeException e) {
            listeners.forEach(Channel::close);
            storage.shutdown();
            bossGroup.shutdownGracefully();
            workerGroup.shutdownGracefully();
            MoquetteSessionLayer.stop(broker);
            throw e;
        }
    }

    /** The plaintext port bound, or -1. */
    public int plainPort() {
        return plainPort;
    }

    /** The TLS port bound, or -1. */
    public int tlsPort() {
        return tlsPort;
    }

    /**
     * Opens an MQTT connection whose bytes come through another transport (MQTT over WebSockets).
     *
     * @param origin the client's address, for logs and refusals
     * @param clientCertificates the chain the client presented in the TLS handshake of that transport, if any
     * @param toClient receives, in order, the bytes to send to the client
     * @param closed runs once when the endpoint closes the connection (or it closes otherwise)
     */
    public BridgedConnection openBridged(String origin, List<X509Certificate> clientCertificates, Consumer<byte[]> toClient, Runnable closed) {
        String id = "bridged-" + bridgedCount.incrementAndGet();
        bridgedOrigins.put(id, new ConnectionOrigin(origin, clientCertificates));
        Bootstrap bootstrap = new Bootstrap().group(workerGroup).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf bytes = (ByteBuf) msg;
                try {
                    toClient.accept(ByteBufUtil.getBytes(bytes));
                } finally {
                    bytes.release();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                closed.run();
            }
        });
        try {
            return new BridgedConnection(bootstrap.connect(bridgeAddress, new LocalAddress(id)).sync().channel());
        } catch (InterruptedException e) {
            bridgedOrigins.remove(id);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening a bridged MQTT connection", e);
        }
    }

    public boolean isConnected(String hubName, String deviceId) {
        return connected.isConnected(DeviceAddress.device(hubName, deviceId));
    }

    /** Whether the device or module holds a live connection. */
    public boolean isConnected(DeviceAddress address) {
        return connected.isConnected(address);
    }

    /** Closes the device's live connection and those of its modules. */
    @Override
    public boolean disconnect(String hubName, String deviceId) {
        return connected.closeWithModules(hubName, deviceId);
    }

    @Override
    public boolean sendMethodRequest(DeviceAddress target, String requestId, String methodName, byte[] payload) {
        Optional<Channel> channel = connected.live(target);
        DeviceChannelHandler handler = channel.map(c -> c.pipeline().get(DeviceChannelHandler.class)).orElse(null);
        if (handler == null || !handler.methodsSubscribed()) {
            return false;
        }
        handler.sendMethodRequest(new DeviceChannelHandler.DirectMethodCall(requestId, methodName, payload));
        return true;
    }

    /**
     * Keeps the message in the durable queue, then tells the device's live connection, if any,
     * to deliver what waits.
     *
     * @throws dev.vigil.iot.endpoint.CloudToDeviceQueueFullException when too many messages wait already
     */
    @Override
    public boolean sendToDevice(String hubName, String deviceId, byte[] body, Map<String, String> properties) {
        cloudToDevice.enqueue(hubName, deviceId, body, properties);
        return connected.notify(DeviceAddress.device(hubName, deviceId), DeviceChannelHandler.CLOUD_TO_DEVICE_WAITING);
    }

    @Override
    public void close() {
        listeners.forEach(channel -> channel.close().syncUninterruptibly());
        MoquetteSessionLayer.stop(broker);
        storage.shutdown();
        try {
            // what is queued for storage (acknowledged cloud-to-device messages, session changes) is written before the state store closes
            if (!storage.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("the MQTT endpoint's storage writes did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The listeners are closed: nothing new arrives, so no quiet period is needed.
        bossGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static IConfig brokerConfig() {
        IConfig config = new MemoryConfig(new Properties());
        // Moquette binds nothing itself: the listeners are ours.
        config.setProperty(BrokerConstants.PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        config.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        config.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        config.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        config.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        config.setProperty(BrokerConstants.BUFFER_FLUSH_MS_PROPERTY_NAME, "immediate");
        config.setProperty(BrokerConstants.NETTY_EPOLL_PROPERTY_NAME, "false");
        return config;
    }

    /** What every connection's pipeline is built from. */
    private record ChannelPipelineParts(DeviceGateway gateway, ConnectedDevices connected, ChannelHandler moquette,
                                        CloudToDeviceQueue cloudToDevice, Executor storage, Twins twins, ReportedPatchWriter reportedPatches,
                                        DirectMethods methods, MqttSessions sessions) {
    }

    private static Channel listen(EventLoopGroup bossGroup, EventLoopGroup workerGroup, String host, int port, SslContext ssl,
            ChannelPipelineParts parts) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(bossGroup, workerGroup).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast("ssl", ssl.newHandler(channel.alloc()));
                        }
                        addMqttHandlers(channel, parts);
                    }
                });
        try {
            return bootstrap.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding MQTT port " + port, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen for MQTT on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The in-process listener bridged connections reach; their origin comes with them through {@code origins}. */
    private static Channel bridge(EventLoopGroup bossGroup, EventLoopGroup workerGroup, LocalAddress address, Map<String, ConnectionOrigin> origins,
            ChannelPipelineParts parts) {
        ServerBootstrap bootstrap = new ServerBootstrap().group(bossGroup, workerGroup).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        ConnectionOrigin origin = origins.remove(((LocalAddress) channel.remoteAddress()).id());
                        if (origin != null) {
                            channel.attr(ConnectionOrigin.ATTRIBUTE).set(origin);
                        }
                        addMqttHandlers(channel, parts);
                    }
                });
        return bootstrap.bind(address).syncUninterruptibly().channel();
    }

    private static void addMqttHandlers(Channel channel, ChannelPipelineParts parts) {
        var pipeline = channel.pipeline();
        // Flushes (a PUBACK, a twin answer each) are gathered per read and per event-loop turn, so that
        // many acknowledgements share one write, and over TLS one record, instead of one each.
        pipeline.addLast("flushes", new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        // Moquette replaces "idleStateHandler" with the client's keep-alive after CONNECT.
        pipeline.addLast("idleStateHandler", new IdleStateHandler(CONNECT_TIMEOUT_SECONDS, 0, 0));
        pipeline.addLast("idleEventHandler", new CloseWhenIdle());
        pipeline.addLast("decoder", new MqttDecoder(MAX_PACKET_BYTES));
        pipeline.addLast("encoder", MqttEncoder.INSTANCE);
        pipeline.addLast("device", new DeviceChannelHandler(parts.gateway(), parts.connected(), parts.cloudToDevice(),
                parts.storage(), parts.twins(), parts.reportedPatches(), parts.methods(), parts.sessions()));
        pipeline.addLast("handler", parts.moquette());
    }

    private static SslContext sslContext(TlsIdentity identity) {
        try {
            // a client certificate is asked for, not required: devices authenticating with X.509 present one, the rest SAS tokens.
            // BoringSSL where its native library loads (in the IoT bench it carried about twice the JDK engine's TLS messages/s), else the JDK's.
            SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            LOG.info("MQTT over TLS with {}", provider == SslProvider.OPENSSL ? OpenSsl.versionString() : "the JDK's SSLEngine");
            return SslContextBuilder.forServer(identity.keyManagers()).trustManager(TlsIdentity.anyClientCertificate())
                    .clientAuth(io.netty.handler.ssl.ClientAuth.OPTIONAL).sslProvider(provider).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException("cannot use the server's certificate for MQTT over TLS: " + e.getMessage(), e);
        }
    }

    /** Closes a connection whose keep-alive (or CONNECT) did not arrive in time. */
    private static final class CloseWhenIdle extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, event);
            }
        }
    }
}
