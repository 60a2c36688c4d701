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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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

    private final ScheduledThreadPoolExecutor timers = timers();
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
        Call call = new Call(target, Long.toHexString(lastRequestId.incrementAndGet()), request);
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
        call.cancelTimeout();
        // completed here, on the connection's event loop: the caller's continuation runs at once, with no hand-over to another thread
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
        call.timeout = timers.schedule(() -> {
            if (sent.remove(call.requestId(), call)) {
                call.result().completeExceptionally(new DirectMethodTimeoutException(call.target(), call.request().methodName(),
                        call.request().responseTimeout()));
            }
        }, call.request().responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (call.result().isDone()) {
            call.cancelTimeout(); // answered before its timeout was scheduled
        }
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

    /**
     * The response timeouts of answered calls are taken out of the timer queue, not left to fire
     * up to five minutes later: at a fleet's call rate they would pile up in it by the thousand.
     */
    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "vigil-direct-method-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** One call: where it goes, its request and its result; {@link #timeout} once it was sent. */
    private static final class Call {
        private final DeviceAddress target;
        private final String requestId;
        private final DirectMethodRequest request;
        private final CompletableFuture<DirectMethodResult> result = new CompletableFuture<>();
        private volatile ScheduledFuture<?> timeout;

        Call(DeviceAddress target, String requestId, DirectMethodRequest request) {
            this.target = target;
            this.requestId = requestId;
            this.request = request;
        }

        DeviceAddress target() {
            return target;
        }

        String requestId() {
            return requestId;
        }

        DirectMethodRequest request() {
            return request;
        }

        CompletableFuture<DirectMethodResult> result() {
            return result;
        }

        void cancelTimeout() {
            ScheduledFuture<?> scheduled = timeout;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
