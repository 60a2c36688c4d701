package dev.vigil.server.console.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.TestClock;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.workspace.api.ResultTable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestHomeSnapshots {
    private final TestClock clock = TestClock.startingNow();
    private final AtomicInteger taken = new AtomicInteger();
    private final HomeSnapshots snapshots = new HomeSnapshots(workspace -> {
        taken.incrementAndGet();
        return new HomeSnapshots.Snapshot(FlowByHour.of(new ResultTable("PrimaryResult", List.of(), List.of()), clock.instant()), List.of(),
                clock.instant());
    }, clock);

    @Test
    void testFirstViewTakesTheFiguresAndFreshOnesAreReused() {
        HomeSnapshots.Snapshot first = snapshots.current("default");
        clock.advance(HomeSnapshots.FRESH_FOR.minusSeconds(1));

        assertThat(snapshots.current("default")).isSameAs(first);
        assertThat(taken).hasValue(1);
    }

    @Test
    void testStaleFiguresAreShownWhileNewOnesAreTakenBehindThePage() {
        HomeSnapshots.Snapshot first = snapshots.current("default");
        clock.advance(HomeSnapshots.FRESH_FOR.plusSeconds(1));

        assertThat(snapshots.current("default")).isSameAs(first);
        HomeSnapshots.Snapshot refreshed = Eventually.await("the refreshed figures", () -> snapshots.current("default"), s -> s != first,
                Duration.ofSeconds(10));
        assertThat(refreshed.takenAt()).isEqualTo(clock.instant());
        assertThat(taken).hasValue(2);
    }

    @Test
    void testEachWorkspaceHasItsOwnFigures() {
        snapshots.current("default");
        snapshots.current("other");

        assertThat(taken).hasValue(2);
    }
}
