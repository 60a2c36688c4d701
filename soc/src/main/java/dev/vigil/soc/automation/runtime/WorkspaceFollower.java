package dev.vigil.soc.automation.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one thread that follows every workspace for an automation: a workspace woken (by a commit)
 * is followed at once; one whose follow asks to look again sooner than {@link #IDLE_RECHECK} (a
 * retry) is looked at again after that pause, or sooner if woken.
 */
final class WorkspaceFollower implements AutoCloseable {
    static final Duration IDLE_RECHECK = Duration.ofSeconds(30);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Function<String, Duration> follow;
    private final BiFunction<String, RuntimeException, Duration> failed;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final Thread thread;
    private boolean wakeRequested;
    private volatile boolean running = true;

    /**
     * @param follow follows one workspace; how long to wait before looking at it again
     * @param failed logs a failure of {@code follow}; how long to wait before looking again
     */
    WorkspaceFollower(String threadName, Function<String, Duration> follow, BiFunction<String, RuntimeException, Duration> failed) {
        this.follow = follow;
        this.failed = failed;
        this.thread = new Thread(this::work, threadName);
        thread.setDaemon(true);
    }

    /** Starts the thread, with these workspaces waiting to be followed. */
    void start(List<String> workspaceIds) {
        waiting.addAll(workspaceIds);
        thread.start();
    }

    /** False once closing: a follow under way stops after its round. */
    boolean running() {
        return running;
    }

    void wake(String workspaceId) {
        waiting.add(workspaceId);
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void work() {
        while (running) {
            Duration pause = IDLE_RECHECK;
            for (String workspaceId : List.copyOf(waiting)) {
                waiting.remove(workspaceId);
                Duration next;
                try {
                    next = follow.apply(workspaceId);
                } catch (RuntimeException e) {
                    next = failed.apply(workspaceId, e);
                }
                if (next.compareTo(IDLE_RECHECK) < 0) {
                    // waiting out a failure: looked at again after the pause, or sooner if woken
                    waiting.add(workspaceId);
                    pause = next.compareTo(pause) < 0 ? next : pause;
                }
            }
            synchronized (signal) {
                if (!wakeRequested && running) {
                    try {
                        signal.wait(Math.max(1, pause.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
                wakeRequested = false;
            }
        }
    }

    /** Stops after the follow under way. */
    @Override
    public void close() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
