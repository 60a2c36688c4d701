package dev.vigil.soc.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * An HTTP server on loopback that records every request it receives and answers with the status
 * the test chooses; {@link #holdAnswers} keeps requests waiting until released, to cut a run short mid-step.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final Map<String, String> redirects = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            String location = redirects.get(exchange.getRequestURI().getPath());
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = "{\"ticket\":\"T-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.getAsInt(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The receiver's address and port as an allow-list entry names them, e.g. {@code 127.0.0.1:41234}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests to {@code path} are answered 302 with this {@code Location}. */
    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public void answer(IntSupplier next) {
        status = next;
    }

    public void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    public void releaseAnswers() {
        hold.countDown();
    }

    @Override
    public void close() {
        releaseAnswers();
        server.stop(0);
    }
}
