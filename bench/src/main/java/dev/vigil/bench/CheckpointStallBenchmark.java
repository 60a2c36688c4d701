package dev.vigil.bench;

import dev.vigil.workspace.api.CheckpointPolicy;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Commit stalls from checkpoints, and what a checkpoint policy costs at restart.
 *
 * <p>{@code stall <policy> [seconds=30] [rows-per-second=15000] [request-rows=500]}: ingests
 * {@code SecurityAlert} requests at a fixed pace (about half of what the 2-core machine commits)
 * and prints the acknowledgement latency of every request, measured from the moment it was due
 * (so a stall also counts against the requests that should have been sent during it), with the
 * number and time of Vigil's checkpoints and the largest write-ahead log seen.
 *
 * <p>{@code replay <wal-MiB>}: ingests until the write-ahead log holds that much with checkpoints
 * held back, copies the database and its log as a crash would leave them, and times opening the
 * copy, which replays the log.
 *
 * <p>Policies: {@code in-commits} (the engine checkpoints inside commits at 16 MiB, as before),
 * {@code scheduled:<MiB>} (Vigil checkpoints beside the commits), {@code default}.
 */
public final class CheckpointStallBenchmark {
    private static final String TABLE = "SecurityAlert";
    private static final int DISTINCT_REQUESTS = 64;

    private CheckpointStallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("overlap")) {
            overlap(Integer.parseInt(args[1]));
            return;
        }
        if (args.length >= 2 && args[0].equals("replay")) {
            replay(Integer.parseInt(args[1]));
            return;
        }
        if (args.length < 2 || !args[0].equals("stall")) {
            System.err.println("usage: stall <in-commits|scheduled:MiB|default> [seconds] [rows-per-second] [request-rows] | replay <wal-MiB>");
            System.exit(2);
        }
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int rowsPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 15_000;
        int requestRows = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        stall(args[1], seconds, rowsPerSecond, requestRows);
    }

    static StorageSettings settings(Path directory, String policy) {
        StorageSettings defaults = StorageSettings.defaults(directory);
        if (policy.equals("in-commits")) {
            return defaults.withCheckpoints(CheckpointPolicy.inCommits());
        }
        if (policy.startsWith("scheduled:")) {
            return defaults.withCheckpoints(CheckpointPolicy.scheduled(Long.parseLong(policy.substring("scheduled:".length())) << 20));
        }
        return defaults;
    }

    private static void stall(String policy, int seconds, int rowsPerSecond, int requestRows) throws Exception {
        Path directory = Files.createTempDirectory("vigil-checkpoint-bench");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SecurityAlertRows generator = new SecurityAlertRows(11);
        List<List<Map<String, Object>>> requests = new ArrayList<>();
        for (int i = 0; i < DISTINCT_REQUESTS; i++) {
            requests.add(generator.next(requestRows));
        }
        Path wal = directory.resolve(DuckDbStorage.DATABASE_FILE + ".wal");
        try (Storage storage = DuckDbStorage.open(settings(directory, policy), meters)) {
            LogStore logs = storage.logStore();
            logs.createWorkspace(BenchWorkspace.ID);
            BenchWorkspace.keepForever(logs);
            long interval = TimeUnit.SECONDS.toNanos(1) * requestRows / rowsPerSecond;
            long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Latencies latencies = new Latencies();
            List<CompletableFuture<IngestReceipt>> pending = new ArrayList<>();
            long start = System.nanoTime();
            long end = warmUpEnd + TimeUnit.SECONDS.toNanos(seconds);
            long largestWal = 0;
            double checkpointsBefore = 0;
            double checkpointSecondsBefore = 0;
            boolean measuring = false;
            for (long due = start, n = 0; due < end; due += interval, n++) {
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.min(due - System.nanoTime(), 1_000_000));
                }
                if (!measuring && due >= warmUpEnd) {
                    measuring = true;
                    checkpointsBefore = checkpoints(meters).count();
                    checkpointSecondsBefore = checkpoints(meters).totalTime(TimeUnit.SECONDS);
                }
                long dueAt = due;
                boolean counted = measuring;
                pending.add(logs.ingest(BenchWorkspace.ID, TABLE, requests.get((int) (n % DISTINCT_REQUESTS)))
                        .whenComplete((receipt, failure) -> {
                            if (counted) {
                                latencies.add(System.nanoTime() - dueAt);
                            }
                        }));
                largestWal = Math.max(largestWal, size(wal));
            }
            pending.forEach(CompletableFuture::join);
            Timer checkpoints = checkpoints(meters);
            double count = checkpoints.count() - checkpointsBefore;
            double checkpointSeconds = checkpoints.totalTime(TimeUnit.SECONDS) - checkpointSecondsBefore;
            Timer commits = meters.get("vigil.ingest.commit").timer();
            System.out.printf("policy %-14s %,d rows/s offered, %,d-row requests, %d s: %,d acknowledged; ack p50 %.1f ms, p99 %.1f ms,"
                            + " p99.9 %.1f ms, max %.1f ms; commit max %.0f ms; Vigil checkpoints %.0f (mean %.0f ms, max %.0f ms); largest WAL %.1f MiB%n",
                    policy, rowsPerSecond, requestRows, seconds, latencies.count(), latencies.percentile(50), latencies.percentile(99),
                    latencies.percentile(99.9), latencies.percentile(100),
                    commits.max(TimeUnit.MILLISECONDS), count, count == 0 ? 0 : checkpointSeconds * 1000 / count,
                    checkpoints.max(TimeUnit.MILLISECONDS), largestWal / 1048576.0);
        } finally {
            BenchWorkspace.deleteRecursively(directory);
        }
    }

    /**
     * Fills the write-ahead log to {@code mebibytes} (under the engine's 16 MiB, with no checkpoint
     * of Vigil's), then runs {@code CHECKPOINT} on a connection of its own while one client goes on
     * sending 500-row requests: prints how long the checkpoint took and how many commits ended
     * while it ran, and the longest of them.
     */
    private static void overlap(int mebibytes) throws Exception {
        Path directory = Files.createTempDirectory("vigil-overlap-bench");
        Path wal = directory.resolve(DuckDbStorage.DATABASE_FILE + ".wal");
        SecurityAlertRows generator = new SecurityAlertRows(17);
        List<List<Map<String, Object>>> requests = new ArrayList<>();
        for (int i = 0; i < DISTINCT_REQUESTS; i++) {
            requests.add(generator.next(500));
        }
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(directory).withCheckpoints(CheckpointPolicy.inCommits()), new SimpleMeterRegistry());
             java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:duckdb:" + directory.resolve(DuckDbStorage.DATABASE_FILE))) {
            LogStore logs = storage.logStore();
            logs.createWorkspace(BenchWorkspace.ID);
            BenchWorkspace.keepForever(logs);
            int n = 0;
            while (size(wal) < ((long) mebibytes << 20)) {
                logs.ingest(BenchWorkspace.ID, TABLE, requests.get(n++ % DISTINCT_REQUESTS)).join();
            }
            long[] checkpoint = new long[2];
            Thread checkpointer = new Thread(() -> {
                try (java.sql.Statement statement = raw.createStatement()) {
                    checkpoint[0] = System.nanoTime();
                    statement.execute("CHECKPOINT");
                    checkpoint[1] = System.nanoTime();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<long[]> commits = new ArrayList<>();
            checkpointer.start();
            while (checkpointer.isAlive()) {
                long start = System.nanoTime();
                logs.ingest(BenchWorkspace.ID, TABLE, requests.get(n++ % DISTINCT_REQUESTS)).join();
                commits.add(new long[] {start, System.nanoTime()});
            }
            checkpointer.join();
            long during = commits.stream().filter(c -> c[1] < checkpoint[1]).count();
            double longest = commits.stream().mapToLong(c -> c[1] - c[0]).max().orElse(0) / 1e6;
            System.out.printf("checkpoint of a %.1f MiB WAL took %.0f ms; %d commits of 500 rows ended while it ran; longest commit %.0f ms%n",
                    mebibytes * 1.0, (checkpoint[1] - checkpoint[0]) / 1e6, during, longest);
        } finally {
            BenchWorkspace.deleteRecursively(directory);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0; // not there yet, or just truncated by a checkpoint
        }
    }

    /** Vigil's checkpoints; none in a build where the engine checkpoints inside commits. */
    private static Timer checkpoints(SimpleMeterRegistry meters) {
        Timer found = meters.find("vigil.storage.checkpoint").timer();
        return found == null ? Timer.builder("vigil.storage.checkpoint.absent").register(meters) : found;
    }

    private static void replay(int walMebibytes) throws Exception {
        Path directory = Files.createTempDirectory("vigil-replay-bench");
        Path copy = Files.createTempDirectory("vigil-replay-copy");
        long walBytes = (long) walMebibytes << 20;
        // no checkpoint before the copy: Vigil's would start at the threshold, the engine's only at twice the log wanted
        StorageSettings settings = StorageSettings.defaults(directory)
                .withCheckpoints(new CheckpointPolicy(Math.max(2 * walBytes, 1L << 20), 0));
        Path wal = directory.resolve(DuckDbStorage.DATABASE_FILE + ".wal");
        SecurityAlertRows generator = new SecurityAlertRows(13);
        try (Storage storage = DuckDbStorage.open(settings, new SimpleMeterRegistry())) {
            LogStore logs = storage.logStore();
            logs.createWorkspace(BenchWorkspace.ID);
            BenchWorkspace.keepForever(logs);
            long rows = 0;
            while (size(wal) < walBytes) {
                logs.ingest(BenchWorkspace.ID, TABLE, generator.next(5_000)).join();
                rows += 5_000;
            }
            // commits are over and nothing checkpoints: the two files are as a crash now would leave them
            for (String name : List.of(DuckDbStorage.DATABASE_FILE, DuckDbStorage.DATABASE_FILE + ".wal")) {
                Files.copy(directory.resolve(name), copy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.printf("copied after %,d rows: database %.1f MiB, WAL %.1f MiB%n", rows,
                    Files.size(copy.resolve(DuckDbStorage.DATABASE_FILE)) / 1048576.0, Files.size(copy.resolve(DuckDbStorage.DATABASE_FILE + ".wal")) / 1048576.0);
        }
        BenchWorkspace.deleteRecursively(directory);
        long start = System.nanoTime();
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(copy), new SimpleMeterRegistry())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long count = storage.logStore().table(BenchWorkspace.ID, TABLE).rowCount();
            System.out.printf("replay of a %d MiB WAL: open took %.2f s (%,d rows after it)%n", walMebibytes, seconds, count);
        } finally {
            BenchWorkspace.deleteRecursively(copy);
        }
    }
}
