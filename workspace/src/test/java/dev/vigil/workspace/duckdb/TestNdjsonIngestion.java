package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.catalog.CustomTables;
import dev.vigil.workspace.ingest.BodyRowValidator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rows sent as newline-delimited JSON bytes ({@code ingestNdjson}, whose bytes the writer hands
 * on) are stored exactly as the same rows decoded into maps ({@code ingest}), value for value,
 * billing columns included, and bad rows are refused with the same errors.
 */
class TestNdjsonIngestion {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ColumnSchema> COLUMNS = List.of(
            new ColumnSchema("Seq", KqlType.INT), new ColumnSchema("S", KqlType.STRING), new ColumnSchema("B", KqlType.BOOL),
            new ColumnSchema("I", KqlType.INT), new ColumnSchema("L", KqlType.LONG), new ColumnSchema("R", KqlType.REAL),
            new ColumnSchema("D", KqlType.DECIMAL), new ColumnSchema("T", KqlType.DATETIME), new ColumnSchema("Ts", KqlType.TIMESPAN),
            new ColumnSchema("G", KqlType.GUID), new ColumnSchema("Dy", KqlType.DYNAMIC));
    /** Every type, in forms kept as sent and forms that are coerced; escapes, non-ASCII text, nulls, a row over several lines. */
    private static final String BODY = """
            {"Seq":1,"S":"plain","B":true,"I":42,"L":-9000000000,"R":1.5,"D":"12.25","T":"2024-05-06T10:00:05.1234567Z","Ts":"01:30:00","G":"9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f","Dy":{"a":[1,2,{"b":null}],"c":"\\u00e9"}}
            {"Seq":2,"S":"tab\\there \\"quoted\\" \\u00e9 \\ud83d\\ude00 / \\\\ é","B":false,"I":-1,"R":3,"T":"2024-05-06T12:00:05+02:00","Dy":"[1, 2]"}
            {"Seq":3,"S":null,"B":"true","I":"7","L":12.0,"R":"NaN","D":1e2,"T":null,"Dy":null,"G":"9A4C5B1E-0F6D-4C1A-8F3E-2B7D9C0E1A2F","Ts":"2.00:00:00.5"}
            {
              "Seq" : 4 ,
              "S": "spread over lines",
              "TimeGenerated": "2024-01-01T00:00:00Z"
            }
            {"Seq":5,"S":12.5,"Dy":"not json","TenantId":"","Type":null,"L":9223372036854775807}
            {"Seq":6}
            {"TimeGenerated":null,"Seq":7,"S":{"nested":true}}
            """;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T20:00:00.1234567Z"), ZoneOffset.UTC);

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withClock(clock).withWorkspace("default");

    @Test
    void bodyRowsAreStoredAsTheSameRowsDecoded() throws Exception {
        storage.logs().createCustomTable("default", new TableDefinition("Body_CL", COLUMNS));
        storage.logs().createCustomTable("default", new TableDefinition("Maps_CL", COLUMNS));

        storage.logs().ingestNdjson("default", "Body_CL", BODY.getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
        storage.logs().ingest("default", "Maps_CL", decode(BODY)).get(10, TimeUnit.SECONDS);

        List<List<Object>> fromBody = rows("Body_CL | project-away Type | order by Seq asc");
        assertThat(fromBody).hasSize(7);
        // the body went the streaming way, not back through maps
        assertThat(new BodyRowValidator(CustomTables.define(new TableDefinition("Body_CL", COLUMNS), List.of()), "tenant")
                .validate(BODY.getBytes(StandardCharsets.UTF_8), clock.instant())).isPresent();
        assertThat(fromBody).isEqualTo(rows("Maps_CL | project-away Type | order by Seq asc"));
    }

    @Test
    void billingColumnsOfBodyRowsAreThoseOfDecodedRows() throws Exception {
        StringBuilder body = new StringBuilder();
        for (String source : List.of("body", "maps")) {
            body.setLength(0);
            for (int i = 0; i < 3; i++) {
                body.append("{\"SystemAlertId\":\"").append(source).append('-').append(i)
                        .append("\",\"AlertName\":\"Crypto Coin Miner ").append("é".repeat(i))
                        .append("\",\"StartTime\":\"2026-11-01T00:00:0").append(i).append(".5Z\",\"IsIncident\":").append(i % 2 == 0)
                        .append(",\"ConfidenceScore\":").append(i).append(".25,\"ExtendedProperties\":{\"DeviceId\":\"d").append(i).append("\"}}\n");
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            (source.equals("body") ? storage.logs().ingestNdjson("default", "SecurityAlert", bytes)
                    : storage.logs().ingest("default", "SecurityAlert", decode(body.toString()))).get(10, TimeUnit.SECONDS);
        }

        String columns = "| project Id = substring(SystemAlertId, 5), AlertName, StartTime, IsIncident, ConfidenceScore, ExtendedProperties,"
                + " TimeGenerated, TenantId, _IsBillable, _BilledSize | order by Id asc";
        List<List<Object>> fromBody = rows("SecurityAlert | where SystemAlertId startswith 'body-' " + columns);
        assertThat(fromBody).hasSize(3);
        assertThat(fromBody).isEqualTo(rows("SecurityAlert | where SystemAlertId startswith 'maps-' " + columns));
    }

    @Test
    void badRowsInABodyAreRefusedWithTheErrorsOfDecodedRows() throws Exception {
        storage.logs().createCustomTable("default", new TableDefinition("Body_CL", COLUMNS));
        String bad = """
                {"Seq":1,"I":2147483648}
                {"Seq":2,"Nope":1,"T":"yesterday"}
                {"Seq":3,"S":"fine"}
                """;

        RowsRejectedException fromBody = catchThrowableOfType(
                () -> storage.logs().ingestNdjson("default", "Body_CL", bad.getBytes(StandardCharsets.UTF_8)), RowsRejectedException.class);
        RowsRejectedException fromMaps = catchThrowableOfType(
                () -> storage.logs().ingest("default", "Body_CL", decode(bad)), RowsRejectedException.class);

        assertThat(fromBody.errors()).hasSize(3).isEqualTo(fromMaps.errors());
        assertThat(rows("Body_CL | count")).containsExactly(List.of(0L));
    }

    @Test
    void aLineThatIsNotAnObjectIsARowError() {
        storage.logs().createCustomTable("default", new TableDefinition("Body_CL", COLUMNS));

        RowsRejectedException refused = catchThrowableOfType(() -> storage.logs().ingestNdjson("default", "Body_CL",
                "{\"Seq\":1}\n[1,2]\n".getBytes(StandardCharsets.UTF_8)), RowsRejectedException.class);

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(1);
            assertThat(error.reason()).isEqualTo("a row must be a JSON object, found an array");
        });
    }

    private List<List<Object>> rows(String kql) {
        return storage.logs().query("default", new QueryRequest(kql, Optional.empty())).primary().rows();
    }

    private static List<Map<String, Object>> decode(String ndjson) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (var parser = JSON.createParser(ndjson)) {
            while (parser.nextToken() != null) {
                rows.add(JSON.readValue(parser, new TypeReference<Map<String, Object>>() {
                }));
            }
        }
        return rows;
    }
}
