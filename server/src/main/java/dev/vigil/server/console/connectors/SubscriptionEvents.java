package dev.vigil.server.console.connectors;

import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.ConsoleRouter;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps an open connector page's subscription list current: a server-sent event stream that
 * sends the list (and the connector's status) again (event {@code subscriptions}) whenever it renders differently, whether a
 * subscription was connected elsewhere or a hub's Defender for IoT was turned on. The list is
 * rendered every {@link #INTERVAL} per open page, which reads the registry in memory only.
 * A stream ends after {@link #LIFETIME}; the browser reconnects, and so is authenticated again.
 */
final class SubscriptionEvents {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final IotConnectorViews views;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-console-events");
        thread.setDaemon(true);
        return thread;
    });

    SubscriptionEvents(IotConnectorViews views) {
        this.views = views;
    }

    void stream(ConsoleRouter router, SseClient client) {
        ConsoleRequest request = router.request(client.ctx());
        String workspace = request.workspace();
        AtomicReference<String> sent = new AtomicReference<>(render(router, request, workspace));
        client.keepAlive();
        long started = System.nanoTime();
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
            if (client.terminated()) {
                return;
            }
            if (System.nanoTime() - started > LIFETIME.toNanos()) {
                client.close();
                return;
            }
            try {
                String html = render(router, request, workspace);
                if (!html.equals(sent.getAndSet(html))) {
                    client.sendEvent("subscriptions", html);
                }
            } catch (RuntimeException e) {
                client.close();
            }
        }, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        client.onClose(() -> task.cancel(false));
    }

    /** The list as one line: an event's data may span lines, but one line keeps the stream simple to read. */
    private String render(ConsoleRouter router, ConsoleRequest request, String workspace) {
        return router.templates().renderToString("connectors/subscriptionsUpdate.jte", views.update(workspace, request.user(), Map.of(), false))
                .replace('\n', ' ');
    }
}
