package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestKeptRows {
    @Test
    void testRowsPastTheLimitAreDroppedAsTheyCome() {
        KeptRows kept = new KeptRows(3, 2);
        kept.begin(List.of(new ColumnSchema("x", KqlType.LONG)), Optional.empty());

        for (long x = 1; x <= 10; x++) {
            kept.row(List.of(x));
        }

        assertThat(kept.table().rows()).containsExactly(List.of(1L), List.of(2L), List.of(3L));
        assertThat(kept.read()).isEqualTo(10);
        assertThat(kept.table().columns()).extracting(ColumnSchema::name).containsExactly("x");
    }

    @Test
    void testAWaitForTheFirstPageEndsWhenItsRowsAreThereWhileTheQueryStillRuns() throws Exception {
        KeptRows kept = new KeptRows(100, 2);
        kept.begin(List.of(new ColumnSchema("x", KqlType.LONG)), Optional.empty());
        CompletableFuture<Boolean> firstPage = CompletableFuture.supplyAsync(() -> {
            try {
                return kept.awaitFirstPage(TimeUnit.SECONDS.toNanos(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        kept.row(List.of(1L));
        kept.row(List.of(2L));

        assertThat(firstPage.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kept.closed()).isFalse();
        assertThat(kept.awaitClose(TimeUnit.MILLISECONDS.toNanos(10))).as("the query has not ended").isFalse();
    }
}
