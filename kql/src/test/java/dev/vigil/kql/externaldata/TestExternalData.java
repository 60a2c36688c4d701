package dev.vigil.kql.externaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.ExternalDataException;
import dev.vigil.kql.ExternalDataLocation;
import dev.vigil.kql.ExternalDataReader;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.conformance.JavaFunctionInstaller;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.types.KqlType;
import java.nio.charset.StandardCharsets;
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
    private static final Map<String, byte[]> DOCUMENTS = documents();
    private static final ExternalDataReader READER = location -> {
        byte[] bytes = DOCUMENTS.get(location.target());
        if (bytes == null) {
            throw new ExternalDataException("'" + location + "' is not on the test's list");
        }
        return bytes;
    };

    private static Map<String, byte[]> documents() {
        Map<String, String> texts = Map.of(
                "https://lists.example/users.csv", "Name,Logons,LastSeen,Admin,Tags\n"
                        + "alice,3,2024-03-01T10:00:00Z,true,\"[\"\"a\"\",\"\"b\"\"]\"\n"
                        + "\"bob, jr\",not-a-number,,false\n",
                "https://lists.example/more.csv", "carol,7,2024-03-02T00:00:00Z,false,{}\r\n",
                "https://lists.example/ports.tsv", "22\tssh\n3389\trdp\n",
                "https://lists.example/events.json", "{\"Id\": 1, \"Detail\": {\"k\": [1, 2]}, \"Who\": \"x\"}\n\n{\"Id\": 2, \"Who\": null}\n",
                "https://lists.example/events.multijson", "[{\"Id\": 1,\n \"Who\": \"a\"}, {\"Id\": 2}]\n{\"Id\": 3, \"Who\": \"c\"}",
                "https://lists.example/domains.txt", "evil.example\nbad.example\n",
                "https://lists.example/broken.csv", "a,\"unterminated\nb,c\n",
                "https://lists.example/calls.multijson", "{\"timestamp\": 1704067200, \"data\": {\"tenant\": \"t-1\", \"method\": \"GetFileList\","
                        + " \"odd name\": [5, 6]}}\n{\"timestamp\": \"soon\", \"data\": {\"method\": \"Refresh\"}}\n");
        Map<String, byte[]> documents = new java.util.HashMap<>();
        texts.forEach((location, text) -> documents.put(location, text.getBytes(StandardCharsets.UTF_8)));
        documents.put("https://lists.example/users.csv?sv=2022-11-02&sig=s3cretSig", texts.get("https://lists.example/users.csv").getBytes(StandardCharsets.UTF_8));
        documents.put("https://lists.example/users.csv.gz", gzip(texts.get("https://lists.example/users.csv")));
        documents.put("https://lists.example/ports.tsv.zip", zip(Map.of("a.tsv", "Port\tService\n22\tssh\n", "b.tsv", "Port\tService\n3389\trdp\n")));
        documents.put("https://lists.example/big.txt.gz", gzip("x".repeat(5000)));
        return documents;
    }

    private static byte[] gzip(String text) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, String> files) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
                for (String name : new java.util.TreeSet<>(files.keySet())) {
                    out.putNextEntry(new java.util.zip.ZipEntry(name));
                    out.write(files.get(name).getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

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
        assertThat(compile("externaldata (x:string) [\"https://lists.example/a\"] with (ingestionMappingReference='m')").errors().get(0).message())
                .isEqualTo("externaldata has no property 'ingestionMappingReference'; it takes format, ignoreFirstRecord and ingestionMapping.");
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

    @Test
    void testGzipAndZipAreReadAsTheirNamesSayAndTheFormatIsTheExtensionBefore() throws SQLException {
        assertThat(rows(compile("externaldata (Name:string, Logons:long) [\"https://lists.example/users.csv.gz\"] with (ignoreFirstRecord=true)")))
                .extracting(row -> row.get(0)).containsExactly("alice", "bob, jr");
        // each file of the archive is a file of its own: its first record (a header) is dropped
        assertThat(rows(compile("externaldata (Port:int, Service:string) [\"https://lists.example/ports.tsv.zip\"] with (ignoreFirstRecord=true)")))
                .containsExactly(List.of("22", "ssh"), List.of("3389", "rdp"));
    }

    @Test
    void testDecompressedTextIsBoundedByTheReadersLimit() {
        ExternalDataReader small = new ExternalDataReader() {
            @Override
            public byte[] read(ExternalDataLocation location) {
                return READER.read(location);
            }

            @Override
            public long maxBytes() {
                return 1000;
            }
        };
        Compilation compilation = Kql.compile("externaldata (x:string) [\"https://lists.example/big.txt.gz\"]", Catalog.of(List.of()),
                CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")).withExternalData(small));

        assertThat(compilation.errors()).extracting(KqlDiagnostic::code).containsExactly("VQ007");
        assertThat(compilation.errors().get(0).message()).contains("more than 1000 bytes once decompressed");
        assertThat(compilation.errors().get(0).column()).isEqualTo(25);
    }

    @Test
    void testCsvMappingPicksFieldsByOrdinalAndFillsConstantsAndLineNumbers() throws SQLException {
        Compilation compilation = compile("externaldata (Admin:bool, Name:string, Source:string, Line:long, Missing:string)"
                + " [\"https://lists.example/users.csv\"] with (ignoreFirstRecord=true, ingestionMapping="
                + "'[{\"Column\":\"Name\",\"Properties\":{\"Ordinal\":\"0\"}},{\"Column\":\"Admin\",\"Properties\":{\"Ordinal\":3}},"
                + "{\"Column\":\"Source\",\"Properties\":{\"ConstValue\":\"hr\"}},{\"Column\":\"Line\",\"Properties\":{\"Transform\":\"SourceLineNumber\"}}]')");

        assertThat(rows(compilation)).containsExactly(List.of("true", "alice", "hr", "2", ""), List.of("false", "bob, jr", "hr", "3", ""));
    }

    @Test
    void testJsonMappingFollowsPathsAndTransforms() throws SQLException {
        Compilation compilation = compile("externaldata (Timestamp:datetime, TenantId:string, MethodName:string, Odd:dynamic, Whole:dynamic)"
                + " [\"https://lists.example/calls.multijson\"] with (format='multijson', ingestionMapping='["
                + "{\"Column\":\"Timestamp\",\"Properties\":{\"Path\":\"$.timestamp\",\"Transform\":\"DateTimeFromUnixSeconds\"}},"
                + "{\"Column\":\"TenantId\",\"Properties\":{\"Path\":\"$.data.tenant\"}},"
                + "{\"Column\":\"MethodName\",\"Properties\":{\"Path\":\"$[\\'data\\'].method\"}},"
                + "{\"Column\":\"Odd\",\"Properties\":{\"Path\":\"$.data.[\\'odd name\\'][1]\"}},"
                + "{\"Column\":\"Whole\",\"Properties\":{\"Path\":\"$.data\"}}]') | project Timestamp, TenantId, MethodName, Odd, w = tostring(Whole.method)");

        assertThat(rows(compilation)).containsExactly(
                List.of("2024-01-01 00:00:00.0", "t-1", "GetFileList", "6", "GetFileList"),
                java.util.Arrays.asList(null, "", "Refresh", null, "Refresh"));
    }

    @Test
    void testAMappingThatDoesNotFitIsRefusedAtItNamingTheElement() {
        String location = "externaldata (a:string, b:long) [\"https://lists.example/users.csv\"] with (ingestionMapping=";
        KqlDiagnostic undeclared = compile(location + "'[{\"Column\":\"c\",\"Properties\":{\"Ordinal\":0}}]')").errors().get(0);
        assertThat(undeclared.message()).isEqualTo("externaldata's ingestionMapping cannot be used: element 0 maps 'c', which is not one of the"
                + " declared columns a, b.");
        assertThat(undeclared.column()).isEqualTo(location.length() + 1);
        assertThat(compile(location + "'[{\"Column\":\"a\",\"Properties\":{\"Ordinal\":\"first\"}}]')").errors().get(0).message())
                .contains("element 0 ('a') has the Ordinal 'first', which is not a whole number from 0");
        assertThat(compile(location + "'[{\"Column\":\"a\",\"Properties\":{\"Path\":\"$.a\"}}]')").errors().get(0).message())
                .contains("'a' is mapped by Path, but csv records are mapped by Ordinal");
        assertThat(compile(location + "'[{\"Column\":\"a\",\"Properties\":{\"Ordinal\":0,\"Transform\":\"GetPathElement(0)\"}}]')").errors().get(0)
                .message()).contains("asks for the Transform 'GetPathElement(0)', which Vigil does not apply");
        assertThat(compile(location + "'not json')").errors().get(0).message()).contains("it is not JSON");
    }

    @Test
    void testASasJoinedFromAnObfuscatedLiteralIsReadButNeverShown() throws SQLException {
        List<ExternalDataLocation> asked = new ArrayList<>();
        Compilation compilation = compileRecording(asked, "externaldata (Name:string) [\"https://lists.example/users.csv\" h'?sv=2022-11-02&sig=s3cretSig']"
                + " with (ignoreFirstRecord=true, ingestionMapping='[{\"Column\":\"Name\",\"Properties\":{\"Transform\":\"SourceLocation\"}}]')");

        assertThat(rows(compilation)).containsExactly(List.of("https://lists.example/users.csv?<hidden>"), List.of("https://lists.example/users.csv?<hidden>"));
        assertThat(asked).extracting(ExternalDataLocation::target).containsExactly("https://lists.example/users.csv?sv=2022-11-02&sig=s3cretSig");

        KqlDiagnostic refused = compile("externaldata (x:string) [h@'https://lists.example/nothing.csv?sig=s3cretSig']").errors().get(0);
        assertThat(refused.message()).contains("'https://lists.example/nothing.csv?<hidden>' is not on the test's list").doesNotContain("s3cretSig");
    }

    @Test
    void testATokenIsGivenToTheReaderAndOtherCredentialsAreRefusedByNameOnly() {
        List<ExternalDataLocation> asked = new ArrayList<>();
        compileRecording(asked, "externaldata (x:string) [h'https://lists.example/domains.txt;token=eyJs3cret']");
        assertThat(asked).containsExactly(new ExternalDataLocation("https://lists.example/domains.txt", java.util.Optional.of("eyJs3cret")));

        KqlDiagnostic impersonate = compile("externaldata (x:string) [\"https://lists.example/domains.txt;impersonate\"]").errors().get(0);
        assertThat(impersonate.message()).contains("asks for ;impersonate, which Vigil does not support");
        assertThat(impersonate.column()).isEqualTo(25);
        KqlDiagnostic key = compile("externaldata (x:string) [h\"https://lists.example/domains.txt;ljkAkl0s3cretKey==\"]").errors().get(0);
        assertThat(key.message()).contains("ends in a storage account key").doesNotContain("s3cretKey");
    }

    /** Compiles with the test's documents, noting each location the reader is asked for. */
    private static Compilation compileRecording(List<ExternalDataLocation> asked, String query) {
        ExternalDataReader recording = location -> {
            asked.add(location);
            return READER.read(location);
        };
        return Kql.compile(query, Catalog.of(List.of()), CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")).withExternalData(recording));
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
