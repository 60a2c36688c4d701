package dev.vigil.iot.endpoint.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.security.IAuthenticator;
import io.netty.channel.ChannelHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/**
 * Moquette's MQTT handler, bound to a running broker, for our own Netty listeners.
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

    private static Object field(Server broker, String name) throws ReflectiveOperationException {
        Field field = Server.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(broker);
    }

    private static Object construct(String className, Class<?>[] parameterTypes, Object... arguments) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(className).getDeclaredConstructor(parameterTypes);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }
}
