package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestKeptRows {
    @Test
    void testRowsPastTheLimitAreDroppedAsTheyCome() {
        KeptRows kept = new KeptRows(3);
        kept.begin(List.of(new ColumnSchema("x", KqlType.LONG)), Optional.empty());

        for (long x = 1; x <= 10; x++) {
            kept.row(List.of(x));
        }

        assertThat(kept.table().rows()).containsExactly(List.of(1L), List.of(2L), List.of(3L));
        assertThat(kept.table().columns()).extracting(ColumnSchema::name).containsExactly("x");
    }
}
