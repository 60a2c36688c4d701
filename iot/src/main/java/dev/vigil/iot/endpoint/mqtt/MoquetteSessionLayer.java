package dev.vigil.iot.endpoint.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.security.IAuthenticator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * Moquette's MQTT handler, bound to a running broker, for our own Netty listeners, and the
 * broker's stop.
 *
 * <p>Why: Moquette acknowledges a QoS 1 PUBLISH before its interceptors see the message and
 * answers every refused CONNECT with return code 4; its public API offers no hook in between.
 * Vigil needs the PUBACK to wait for the durable commit and a disabled device to get code 5, so
 * the endpoint runs its own listeners whose pipelines put {@link DeviceChannelHandler} in front of
 * Moquette's handler. Moquette 0.17 keeps that handler's parts package-private; this class builds
 * them reflectively, in one place, against the pinned version (the tests fail if it changes).
 */
final class MoquetteSessionLayer {
    private MoquetteSessionLayer() {
    }

    /** A new {@code NewNettyMQTTHandler} sharing the sessions and post office of {@code broker}. */
    static ChannelHandler handlerOf(Server broker, IConfig config, IAuthenticator authenticator) {
        try {
            Object sessions = field(broker, "sessions");
            Object postOffice = field(broker, "dispatcher");
            Object brokerConfiguration = construct("io.moquette.broker.BrokerConfiguration", new Class<?>[] {IConfig.class}, config);
            Object connectionFactory = construct("io.moquette.broker.MQTTConnectionFactory",
                    new Class<?>[] {brokerConfiguration.getClass(), IAuthenticator.class, sessions.getClass(), postOffice.getClass()},
                    brokerConfiguration, authenticator, sessions, postOffice);
            return (ChannelHandler) construct("io.moquette.broker.NewNettyMQTTHandler", new Class<?>[] {connectionFactory.getClass()},
                    connectionFactory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Moquette's internals are not those of version 0.17; the MQTT endpoint cannot start", e);
        }
    }

    /**
     * Stops the broker without waiting for its own acceptor. Moquette starts event loops for the
     * ports it would bind (Vigil has it bind none) and, when stopped, shuts them down with Netty's
     * default two-second quiet period and waits: every stop of the endpoint took over 2 s. They
     * never carried a connection, so they are ended at once first; if the internals differ, the
     * broker's own shutdown still runs, only slower.
     */
    static void stop(Server broker) {
        try {
            Object acceptor = field(Server.class, broker, "acceptor");
            if (acceptor != null) {
                for (String group : new String[] {"bossGroup", "workerGroup"}) {
                    Object loops = field(acceptor.getClass(), acceptor, group);
                    if (loops instanceof EventLoopGroup eventLoops) {
                        eventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            // Moquette's stop below ends the loops in its own time
        }
        broker.stopServer();
    }

    private static Object field(Server broker, String name) throws ReflectiveOperationException {
        return field(Server.class, broker, name);
    }

    private static Object field(Class<?> owner, Object instance, String name) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(instance);
    }

    private static Object construct(String className, Class<?>[] parameterTypes, Object... arguments) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(className).getDeclaredConstructor(parameterTypes);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }
}
