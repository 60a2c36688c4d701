package dev.vigil.iot.method;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.iot.device.DeviceAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;

/**
 * Direct method calls: the service side invokes, the device side answers on its live connection.
 *
 * <p>A call to a target that is online (connected and subscribed to {@code $iothub/methods/POST/#})
 * is sent at once and waits up to its response timeout for the answer ({@link DirectMethodTimeoutException},
 * 504). One that is not online fails with {@link DeviceNotOnlineException} (404), at once or, with a
 * connect timeout, when the target has not subscribed within it. An answer is taken only from the
 * target the request went to.
 */
public final class DirectMethods implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-direct-method-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lastRequestId = new AtomicLong();
    private final Map<String, Call> sent = new ConcurrentHashMap<>();
    private final Map<String, List<Call>> awaitingConnection = new ConcurrentHashMap<>();
    private volatile MethodTransport transport = (target, requestId, methodName, payload) -> false;

    /** The endpoint that holds the live connections; until one is attached, every target is offline. */
    public void attach(MethodTransport endpoint) {
        this.transport = endpoint;
    }

    /** Calls the method; the future fails with a {@link DirectMethodException} when the device does not answer. */
    public CompletableFuture<DirectMethodResult> invoke(DeviceAddress target, DirectMethodRequest request) {
        Call call = new Call(target, Long.toHexString(lastRequestId.incrementAndGet()), request, new CompletableFuture<>());
        if (send(call)) {
            return call.result();
        }
        if (request.connectTimeout().isZero()) {
            call.result().completeExceptionally(new DeviceNotOnlineException(target));
            return call.result();
        }
        awaitingConnection.computeIfAbsent(target.key(), key -> new CopyOnWriteArrayList<>()).add(call);
        // the target may have subscribed between the first try and now
        methodsSubscribed(target);
        timers.schedule(() -> {
            if (removeAwaiting(call)) {
                call.result().completeExceptionally(new DeviceNotOnlineException(target));
            }
        }, request.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return call.result();
    }

    /** The target's subscription to direct methods was granted: calls waiting for it are sent now. */
    public void methodsSubscribed(DeviceAddress target) {
        List<Call> waiting = awaitingConnection.get(target.key());
        if (waiting == null) {
            return;
        }
        for (Call call : waiting) {
            if (removeAwaiting(call) && !send(call)) {
                awaitingConnection.computeIfAbsent(target.key(), key -> new CopyOnWriteArrayList<>()).add(call);
            }
        }
    }

    /**
     * The answer of {@code responder} to a request ({@code $iothub/methods/res/{status}/?$rid=}).
     *
     * @return false when no call of that target waits for this request id (unknown, answered, or timed out)
     */
    public boolean respond(DeviceAddress responder, String requestId, int status, byte[] body) {
        Call call = sent.get(requestId);
        if (call == null || !call.target().equals(responder) || !sent.remove(requestId, call)) {
            return false;
        }
        return call.result().complete(new DirectMethodResult(status, payloadOf(body)));
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    private boolean send(Call call) {
        sent.put(call.requestId(), call);
        if (!transport.sendMethodRequest(call.target(), call.requestId(), call.request().methodName(), call.request().payloadBytes())) {
            sent.remove(call.requestId());
            return false;
        }
        timers.schedule(() -> {
            if (sent.remove(call.requestId(), call)) {
                call.result().completeExceptionally(new DirectMethodTimeoutException(call.target(), call.request().methodName(),
                        call.request().responseTimeout()));
            }
        }, call.request().responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private boolean removeAwaiting(Call call) {
        List<Call> waiting = awaitingConnection.get(call.target().key());
        return waiting != null && waiting.remove(call);
    }

    /** The device's answer as JSON; an empty body is null, and text that is not JSON is kept as a string. */
    private static JsonNode payloadOf(byte[] body) {
        if (body.length == 0) {
            return NullNode.instance;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
        }
    }

    private record Call(DeviceAddress target, String requestId, DirectMethodRequest request, CompletableFuture<DirectMethodResult> result) {
    }
}
