package dev.vigil.workspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workspace.catalog.BuiltInTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming validation keeps a clean body's values in place and leaves anything that needs explaining to the usual path. */
class TestBodyRowValidator {
    private static final String TENANT = "00000000-0000-0000-0000-000000000001";
    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");
    private final BodyRowValidator validator = new BodyRowValidator(BuiltInTables.SECURITY_ALERT, TENANT);

    @Test
    void testStringsAndBooleansStayInTheBodyAndDatetimesAndFilledColumnsAreEdits() {
        String line = "{\"AlertName\":\"Crypto Coin Miner\",\"IsIncident\":true,\"StartTime\":\"2026-11-01T00:00:00Z\"}";

        Optional<BodyRows> rows = validator.validate((line + "\n" + line).getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(rows).isPresent();
        assertThat(rows.get().rows()).hasSize(2);
        BodyRow second = rows.get().rows().get(1);
        assertThat(second.start()).isEqualTo(line.length() + 1);
        assertThat(second.end()).isEqualTo(2 * line.length() + 1);
        assertThat(second.replaced()).singleElement().satisfies(edit -> {
            assertThat(edit.value()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
            assertThat(line.substring(edit.from() - line.length() - 1, edit.to() - line.length() - 1)).isEqualTo("\"2026-11-01T00:00:00Z\"");
            assertThat(edit.comma()).isFalse();
        });
        // TimeGenerated, Type, TenantId, _IsBillable, _BilledSize: "Crypto Coin Miner" 17 + "true" 4 + two datetimes of 20 + the tenant's 36
        assertThat(second.added()).extracting(ValueEdit::value)
                .containsExactly(NOW, "SecurityAlert", TENANT, "True", 17.0 + 4 + 20 + 20 + 36);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"NoSuchColumn\":1}",
        "{\"AlertName\":\"a\",\"AlertName\":\"b\"}",
        "{\"_BilledSize\":3}",
        "{\"Type\":\"Other\"}",
        "{\"TenantId\":\"someone-else\"}",
        "{\"StartTime\":\"yesterday\"}",
        "{\"IsIncident\":\"maybe\"}",
        "{\"AlertName\":\"\\ud800\"}",
        "[1]",
        "{\"AlertName\":",
        "\uFEFF{\"AlertName\":\"a\"}",
    })
    void testWhatNeedsExplainingIsLeftToTheUsualPath(String body) {
        assertThat(validator.validate(body.getBytes(StandardCharsets.UTF_8), NOW)).isEmpty();
    }
}
