package dev.vigil.workspace.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written writer for group-commit tests: records each batch's request sizes, can be held
 * until released, and can be told to fail a given commit.
 */
final class RecordingBatchWriter implements BatchWriter {
    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch release;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger commits = new AtomicInteger();
    private volatile int failingCommit = -1;
    private volatile RuntimeException failure;

    RecordingBatchWriter(boolean held) {
        this.release = new CountDownLatch(held ? 1 : 0);
    }

    @Override
    public void commit(List<PendingRows> batch) throws Exception {
        entered.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the writer");
        }
        if (commits.getAndIncrement() == failingCommit) {
            throw failure;
        }
        batches.add(batch.stream().map(PendingRows::size).toList());
    }

    void awaitFirstCommit() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no commit started");
        }
    }

    void release() {
        release.countDown();
    }

    /** Makes the commit with this zero-based number throw {@code failure}. */
    void failCommit(int number, RuntimeException failure) {
        this.failure = failure;
        this.failingCommit = number;
    }
}
