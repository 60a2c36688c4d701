package dev.vigil.kql.externaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.ExternalDataException;
import dev.vigil.kql.ExternalDataReader;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.conformance.JavaFunctionInstaller;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.types.KqlType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code externaldata} from the query text to rows on a real DuckDB, with the documents served by a
 * hand-written reader (the server's reader, with its allow-list and HTTP, is tested in the server).
 */
class TestExternalData {
    private static final Map<String, String> DOCUMENTS = Map.of(
            "https://lists.example/users.csv", "Name,Logons,LastSeen,Admin,Tags\n"
                    + "alice,3,2024-03-01T10:00:00Z,true,\"[\"\"a\"\",\"\"b\"\"]\"\n"
                    + "\"bob, jr\",not-a-number,,false\n",
            "https://lists.example/more.csv", "carol,7,2024-03-02T00:00:00Z,false,{}\r\n",
            "https://lists.example/ports.tsv", "22\tssh\n3389\trdp\n",
            "https://lists.example/events.json", "{\"Id\": 1, \"Detail\": {\"k\": [1, 2]}, \"Who\": \"x\"}\n\n{\"Id\": 2, \"Who\": null}\n",
            "https://lists.example/events.multijson", "[{\"Id\": 1,\n \"Who\": \"a\"}, {\"Id\": 2}]\n{\"Id\": 3, \"Who\": \"c\"}",
            "https://lists.example/domains.txt", "evil.example\nbad.example\n",
            "https://lists.example/broken.csv", "a,\"unterminated\nb,c\n");
    private static final ExternalDataReader READER = location -> {
        String text = DOCUMENTS.get(location);
        if (text == null) {
            throw new ExternalDataException("'" + location + "' is not on the test's list");
        }
        return text;
    };
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")).withExternalData(READER);
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        JavaFunctionInstaller.install((org.duckdb.DuckDBConnection) connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void testCsvWithHeaderReadsEachColumnAsItsType() throws SQLException {
        Compilation compilation = compile("externaldata (Name:string, Logons:long, LastSeen:datetime, Admin:bool, Tags:dynamic)"
                + " [@\"https://lists.example/users.csv\"] with (format=\"csv\", ignoreFirstRecord=true)");

        assertThat(compilation.outputSchema()).containsExactly(new ColumnSchema("Name", KqlType.STRING), new ColumnSchema("Logons", KqlType.LONG),
                new ColumnSchema("LastSeen", KqlType.DATETIME), new ColumnSchema("Admin", KqlType.BOOL), new ColumnSchema("Tags", KqlType.DYNAMIC));
        assertThat(rows(compilation)).containsExactly(
                List.of("alice", "3", "2024-03-01 10:00:00.0", "true", "[\"a\",\"b\"]"),
                // a value that does not convert is null; a field the record lacks is an empty string or null
                java.util.Arrays.asList("bob, jr", null, null, "false", null));
    }

    @Test
    void testSeveralLocationsAreReadInOrderAndTheFormatFollowsTheExtension() throws SQLException {
        Compilation compilation = compile("externaldata (Name:string, Logons:long) [\"https://lists.example/users.csv\", "
                + "\"https://lists.example/more.csv\"] | project Name, Logons");

        assertThat(rows(compilation)).extracting(row -> row.get(0)).containsExactly("Name", "alice", "bob, jr", "carol");
    }

    @Test
    void testMoreCsvLocationsDropTheFirstRecordOfEach() throws SQLException {
        Compilation compilation = compile("externaldata (Name:string) [\"https://lists.example/more.csv\", \"https://lists.example/more.csv\"]"
                + " with (ignoreFirstRecord=true)");

        assertThat(rows(compilation)).isEmpty();
    }

    @Test
    void testTsvAndTxtAndAnUnquotedFormatName() throws SQLException {
        assertThat(rows(compile("externaldata (Port:int, Service:string) [\"https://lists.example/ports.tsv\"] with (format=tsv)"
                + " | where Port > 100"))).containsExactly(List.of("3389", "rdp"));
        assertThat(rows(compile("externaldata (Domain:string) [\"https://lists.example/domains.txt\"] with (format=txt)")))
                .containsExactly(List.of("evil.example"), List.of("bad.example"));
    }

    @Test
    void testRawIsTheWholeDocumentAsOneValue() throws SQLException {
        assertThat(rows(compile("externaldata (Text:string) [\"https://lists.example/domains.txt\"] with (format=raw) | extend n = strlen(Text)")))
                .containsExactly(List.of("evil.example\nbad.example\n", "25"));
    }

    @Test
    void testJsonMapsPropertiesToColumnsByName() throws SQLException {
        Compilation lines = compile("externaldata (Id:long, Who:string, Detail:dynamic) [\"https://lists.example/events.json\"] with (format=json)"
                + " | extend first = Detail.k[0]");
        assertThat(rows(lines)).containsExactly(List.of("1", "x", "{\"k\":[1,2]}", "1"), java.util.Arrays.asList("2", "", null, null));

        Compilation multi = compile("externaldata (Id:long, Who:string) [\"https://lists.example/events.multijson\"] with (format=multijson)");
        assertThat(rows(multi)).containsExactly(List.of("1", "a"), List.of("2", ""), List.of("3", "c"));
    }

    @Test
    void testARefusedLocationIsAnErrorAtItNamingWhy() {
        Compilation compilation = compile("externaldata (x:string) [\"https://elsewhere.example/a.csv\"]");

        KqlDiagnostic error = compilation.errors().get(0);
        assertThat(error.code()).isEqualTo("VQ007");
        assertThat(error.column()).isEqualTo(25);
        assertThat(error.message()).contains("'https://elsewhere.example/a.csv' is not on the test's list");
    }

    @Test
    void testWithoutAReaderNothingIsRead() {
        Compilation compilation = Kql.compile("externaldata (x:string) [\"https://lists.example/domains.txt\"]", Catalog.of(List.of()),
                CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));

        assertThat(compilation.errors()).extracting(KqlDiagnostic::code).containsExactly("VQ007");
        assertThat(compilation.errors().get(0).message()).contains("no external data is allowed");
    }

    @Test
    void testUnknownPropertyFormatAndMalformedTextAreRefusedWithTheirReason() {
        assertThat(compile("externaldata (x:string) [\"https://lists.example/a\"] with (ingestionMapping='[]')").errors().get(0).message())
                .isEqualTo("externaldata has no property 'ingestionMapping'; it takes format and ignoreFirstRecord.");
        assertThat(compile("externaldata (x:string) [\"https://lists.example/a\"] with (format='parquet')").errors().get(0).message())
                .startsWith("externaldata cannot read the format 'parquet'; it reads csv, tsv");
        assertThat(compile("externaldata (a:string, b:string) [\"https://lists.example/broken.csv\"]").errors().get(0).message())
                .contains("the quoted field that starts on line 1 never ends");
    }

    @Test
    void testExternalDataWorksAsASubqueryOperand() throws SQLException {
        Compilation compilation = compile("let bad = externaldata (Domain:string) [\"https://lists.example/domains.txt\"] with (format=txt);"
                + " datatable (Host:string) [\"bad.example\", \"good.example\"] | where Host in (bad)");

        assertThat(rows(compilation)).containsExactly(List.of("bad.example"));
    }

    private static Compilation compile(String query) {
        return Kql.compile(query, Catalog.of(List.of()), OPTIONS);
    }

    private static List<List<String>> rows(Compilation compilation) throws SQLException {
        assertThat(compilation.errors()).isEmpty();
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(compilation.sql())) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
