package dev.vigil.workspace.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written writer for group-commit tests: records each batch's request sizes, can be held
 * until released, can be told to fail a given commit, refuses rows holding {@link #REFUSED} as an
 * engine refuses a value it cannot store, and answers the storage check as told.
 */
final class RecordingBatchWriter implements BatchWriter, StorageCheck {
    /** A value the "engine" refuses: a commit holding it fails, a trial holding it is refused. */
    static final String REFUSED = "refused value";

    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger trials = new AtomicInteger();
    private final CountDownLatch release;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger commits = new AtomicInteger();
    private volatile int failingCommit = -1;
    private volatile RuntimeException failure;
    private volatile boolean storageTakesWrites = true;

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
        if (batch.stream().anyMatch(request -> holdsRefused(request.rows()))) {
            throw new IllegalStateException("Invalid Input Error: Malformed JSON in file \"/data/spool/batch-1.ndjson\"");
        }
        batches.add(batch.stream().map(PendingRows::size).toList());
    }

    @Override
    public void trial(IngestTarget target, List<Object[]> rows) throws RowsRefusedException {
        trials.incrementAndGet();
        if (holdsRefused(rows)) {
            throw new RowsRefusedException("no low surrogate in string", null);
        }
    }

    @Override
    public boolean takesWrites() {
        return storageTakesWrites;
    }

    private static boolean holdsRefused(List<Object[]> rows) {
        return rows.stream().anyMatch(row -> Arrays.asList(row).contains(REFUSED));
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

    /** What the storage check answers from now on. */
    void storageTakesWrites(boolean takesWrites) {
        this.storageTakesWrites = takesWrites;
    }
}
