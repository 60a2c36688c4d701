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
    void testEveryTableOfAQueryIsKeptUnderItsNameWithinOneLimit() {
        KeptRows kept = new KeptRows(4, 2);
        kept.begin("Table_0", List.of(new ColumnSchema("x", KqlType.LONG)), Optional.empty());
        kept.row(List.of(1L));
        kept.row(List.of(2L));
        kept.row(List.of(3L));
        kept.begin("Counts", List.of(new ColumnSchema("n", KqlType.LONG), new ColumnSchema("s", KqlType.STRING)), Optional.empty());
        kept.row(List.of(7L, "a"));
        kept.row(List.of(8L, "b"));

        assertThat(kept.takesEveryTable()).isTrue();
        assertThat(kept.tableNames()).containsExactly("Table_0", "Counts");
        assertThat(kept.table(0).rows()).hasSize(3);
        assertThat(kept.table(1).columns()).extracting(ColumnSchema::name).containsExactly("n", "s");
        assertThat(kept.table(1).rows()).as("the limit counts the rows of both tables").containsExactly(List.of(7L, "a"));
        assertThat(kept.read(1)).isEqualTo(2);
        assertThat(kept.read()).isEqualTo(5);
        assertThat(kept.table(5).name()).as("past the last table, the last").isEqualTo("Counts");
    }

    @Test
    void testTheFirstPageIsThereWhenASecondTableBeginsHoweverFewRowsTheFirstHad() throws Exception {
        KeptRows kept = new KeptRows(100, 50);
        kept.begin("Table_0", List.of(new ColumnSchema("x", KqlType.LONG)), Optional.empty());
        kept.row(List.of(1L));
        assertThat(kept.awaitFirstPage(TimeUnit.MILLISECONDS.toNanos(10))).isFalse();

        kept.begin("Table_1", List.of(new ColumnSchema("x", KqlType.LONG)), Optional.empty());

        assertThat(kept.awaitFirstPage(TimeUnit.MILLISECONDS.toNanos(10))).isTrue();
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
