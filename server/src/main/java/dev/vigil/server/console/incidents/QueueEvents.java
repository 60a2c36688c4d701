package dev.vigil.server.console.incidents;

import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps an open queue current: a server-sent event stream that sends the queue's table and counts again (event
 * {@code queue}) when an incident of the workspace changed, whoever changed it. Each open queue looks every
 * {@link #INTERVAL} at the workspace's change count, which costs nothing; it renders (one list, one count query) only
 * after a change. A stream ends after {@link #LIFETIME}; the browser reconnects, and so is authenticated again.
 */
final class QueueEvents {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final IncidentChanges changes;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-console-incident-queue");
        thread.setDaemon(true);
        return thread;
    });

    QueueEvents(IncidentChanges changes) {
        this.changes = changes;
    }

    /** @param render the queue's live part for the stream's request (its filters are the stream's query string) */
    void stream(ConsoleRouter router, SseClient client, Function<ConsoleRequest, String> render) {
        ConsoleRequest request = router.request(client.ctx());
        String workspace = request.workspace();
        LiveState state = new LiveState(changes.version(workspace), render.apply(request));
        client.keepAlive();
        long deadline = System.nanoTime() + LIFETIME.toNanos();
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
            if (client.terminated()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                client.close();
                return;
            }
            long version = changes.version(workspace);
            if (version == state.version) {
                return;
            }
            try {
                // an event's data may span lines; one line keeps the stream simple to read
                String html = render.apply(request).replace('\n', ' ');
                state.version = version;
                if (!html.equals(state.sent)) {
                    state.sent = html;
                    client.sendEvent("queue", html);
                }
            } catch (RuntimeException e) {
                client.close();
            }
        }, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        client.onClose(() -> task.cancel(false));
    }

    /** What a stream last looked at and sent; touched by the scheduler's one thread only. */
    private static final class LiveState {
        private long version;
        private String sent;

        private LiveState(long version, String sent) {
            this.version = version;
            this.sent = sent.replace('\n', ' ');
        }
    }
}
