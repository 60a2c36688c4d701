package dev.vigil.workspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.catalog.CustomTables;
import dev.vigil.workspace.values.DatetimeText;
import dev.vigil.workspace.values.TimespanText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestBillingColumns {

    @Test
    void testStringSizeIsItsUtf8LengthForOneToFourByteCharacters() {
        for (String text : List.of("", "plain ascii", "Température élevée", "温度センサー", "sensor 🔥 hot 𝄞", "{\"k\":\"ü\"}")) {
            assertThat(BillingColumns.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void testDatetimeSizeIsTheLengthOfItsQueryText() {
        Instant whole = Instant.parse("2024-05-06T10:00:05Z");
        Instant fraction = Instant.parse("2024-05-06T10:00:05.000001Z");
        Instant firstYear = Instant.parse("0001-01-01T00:00:00Z");

        for (Instant instant : List.of(whole, fraction, firstYear)) {
            assertThat(BillingColumns.textBytes(KqlType.DATETIME, instant)).as(instant.toString())
                    .isEqualTo(DatetimeText.format(instant).length());
        }
        assertThat(BillingColumns.textBytes(KqlType.DATETIME, fraction)).isEqualTo(28);
    }

    @Test
    void testOtherTypesAreSizedAsTheirText() {
        assertThat(BillingColumns.textBytes(KqlType.BOOL, true)).isEqualTo(4);
        assertThat(BillingColumns.textBytes(KqlType.BOOL, false)).isEqualTo(5);
        assertThat(BillingColumns.textBytes(KqlType.LONG, -1234L)).isEqualTo(5);
        assertThat(BillingColumns.textBytes(KqlType.GUID, UUID.fromString("9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f"))).isEqualTo(36);
        assertThat(BillingColumns.textBytes(KqlType.DECIMAL, new BigDecimal("1.50"))).isEqualTo(4);
        // 1.02:03:04 stored as ticks
        long ticks = TimespanText.parse("1.02:03:04").orElseThrow();
        assertThat(BillingColumns.textBytes(KqlType.TIMESPAN, ticks)).isEqualTo(10);
    }

    @Test
    void testOnlyBuiltInTablesThatDeclareBothColumnsHaveThem() {
        assertThat(BillingColumns.of(BuiltInTables.SECURITY_ALERT)).isPresent();
        assertThat(BillingColumns.of(BuiltInTables.SECURITY_IOT_RAW_EVENT)).isPresent();
        assertThat(BillingColumns.of(BuiltInTables.SECURITY_INCIDENT)).isEmpty();
        // a custom table cannot declare them: names starting with '_' are reserved
        assertThat(BillingColumns.of(CustomTables.define(new TableDefinition("Meter_CL", List.of(
                CustomTables.column("IsBillable", "string"), CustomTables.column("BilledSize", "real"))), List.of()))).isEmpty();
    }
}
