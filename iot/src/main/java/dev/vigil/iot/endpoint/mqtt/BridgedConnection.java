package dev.vigil.iot.endpoint.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/**
 * An MQTT connection whose bytes arrive through another transport, e.g. the WebSocket of MQTT over
 * WebSockets on the HTTPS port: the caller writes what the client sent and closes it when the
 * client goes; what the endpoint answers reaches the callback given to
 * {@link MqttEndpoint#openBridged}. Inside, it is an in-process channel to the endpoint's own
 * pipeline, so that such a device is handled exactly as one on the TCP listeners.
 */
public final class BridgedConnection implements AutoCloseable {
    private final Channel channel;

    BridgedConnection(Channel channel) {
        this.channel = channel;
    }

    /** Bytes the client sent, in order; they may split or join MQTT packets anywhere. */
    public void write(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close();
    }
}
