package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTextTable {
    @Test
    void testColumnsAreAlignedUnderTheirHeaders() {
        String text = TextTable.render(List.of("AlertSeverity", "count_"), List.of(List.of("High", "12"), List.of("Informational", "3")));

        assertThat(text).isEqualTo("""
                AlertSeverity  count_
                -------------  ------
                High           12
                Informational  3
                (2 rows)
                """);
    }

    @Test
    void testLongCellsAreCutAndLineBreaksShown() {
        String text = TextTable.render(List.of("Value"), List.of(List.of("x".repeat(200)), List.of("a\nb")));

        assertThat(text.lines().toList().get(2)).hasSize(TextTable.MAX_CELL_WIDTH).endsWith("…");
        assertThat(text.lines().toList().get(3)).isEqualTo("a\\nb");
    }

    @Test
    void testEmptyResultShowsTheHeaderAndNoRows() {
        assertThat(TextTable.render(List.of("A"), List.of())).isEqualTo("A\n-\n(0 rows)\n");
    }
}
