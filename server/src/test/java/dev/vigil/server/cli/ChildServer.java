package dev.vigil.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code vigil serve} in a child JVM on the test's class path, with what it printed on start. */
final class ChildServer {
    private static final Pattern KEY = Pattern.compile("Admin API key \\(shown once, store it now\\): (vgl_\\S+)");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String url;
    private final Optional<String> adminKey;

    private ChildServer(Process process, String url, Optional<String> adminKey) {
        this.process = process;
        this.url = url;
        this.adminKey = adminKey;
    }

    static ChildServer serve(Path data) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                // MQTT off: the fixed default port may be taken by another server on the machine
                VigilCommand.class.getName(), "serve", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0", "--mqtt-port", "-1"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> drain(process, lines), "child-server-stdout");
        reader.setDaemon(true);
        reader.start();

        Optional<String> key = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            Matcher keyLine = KEY.matcher(line);
            if (keyLine.find()) {
                key = Optional.of(keyLine.group(1));
            }
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                return new ChildServer(process, listening.group(1), key);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the child server did not say where it listens within 60 s (alive: " + process.isAlive() + ")");
    }

    private static void drain(Process process, BlockingQueue<String> lines) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child died; its end of the pipe is gone
        }
    }

    String url() {
        return url;
    }

    Optional<String> adminKey() {
        return adminKey;
    }

    /** SIGKILL: no shutdown hook runs, nothing queued is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the server closes cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
