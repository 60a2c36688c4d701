package dev.vigil.soc.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parser YAML becomes stored functions, parameters and defaults included, that ASIM-style queries call. */
class TestParserImport {
    static final String SOURCE_PARSER = """
            id: 5d2c7a90-1e4f-4b3a-8c6d-0f9e8d7c6b5a
            Function:
              Title: Authentication events from SSH in Syslog
              Version: '1.1.0'
              LastUpdated: '2026-11-30'
            Category: Microsoft Sentinel Parser
            FunctionName: vimAuthenticationSshSyslog
            FunctionAlias: _Im_Authentication_Ssh
            FunctionParams:
              - Name: starttime
                Type: datetime
                Default: datetime(null)
              - Name: targetusername_has
                Type: string
                Default: '*'
              - Name: disabled
                Type: bool
                Default: false
            FunctionQuery: |
              Syslog
              | where not(disabled)
              | where isnull(starttime) or TimeGenerated >= starttime
              | where ProcessName == "sshd"
              | extend EventResult = iff(SyslogMessage has "Accepted", "Success", "Failure")
              | extend TargetUsername = extract(@"for (\\w+) from", 1, SyslogMessage)
              | where targetusername_has == "*" or TargetUsername has targetusername_has
              | project TimeGenerated, Computer, EventResult, TargetUsername
            """;
    static final String UNION_PARSER = """
            Parser:
              Title: Authentication events from every source
              Version: '0.3.0'
            ParserName: ASimAuthentication
            EquivalentBuiltInParser: _Im_Authentication
            ParserParams:
              - Name: starttime
                Type: datetime
                Default: datetime(null)
              - Name: targetusername_has
                Type: string
                Default: '*'
            ParserQuery: |
              union _Im_Authentication_Ssh(starttime=starttime, targetusername_has=targetusername_has)
            """;

    @TempDir
    Path data;

    private Storage storage;
    private ParserImport imports;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace("default");
        imports = new ParserImport(storage.logStore(), storage.stateStore());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private long count(String kql) {
        return ((Number) storage.logStore().query("default", QueryRequest.of(kql)).tables().get(0).rows().get(0).get(0)).longValue();
    }

    @Test
    void parsersAreSavedUnderNameAndAliasAndCalledWithNamedArguments() throws Exception {
        // the union parser comes first: it is saved once the parser it calls is in place
        List<ImportOutcome> outcomes = imports.importFiles("default", List.of(new ContentFile("union.yaml", UNION_PARSER),
                new ContentFile("ssh.yaml", SOURCE_PARSER)));

        assertThat(outcomes).extracting(o -> o.name().orElseThrow())
                .containsExactly("ASimAuthentication", "_Im_Authentication", "vimAuthenticationSshSyslog", "_Im_Authentication_Ssh");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(ImportStatus.Imported));
        StoredFunctionDefinition alias = storage.logStore().function("default", "_Im_Authentication_Ssh");
        assertThat(alias.parameters()).isEqualTo("(starttime:datetime = datetime(null), targetusername_has:string = \"*\", disabled:bool = false)");
        assertThat(alias.displayName()).hasValue("Authentication events from SSH in Syslog");
        assertThat(alias.category()).hasValue("Microsoft Sentinel Parser");

        storage.logStore().ingestFromClient("default", "Syslog", List.of(
                Map.of("Computer", "web-1", "ProcessName", "sshd", "SyslogMessage", "Failed password for root from 10.0.0.9 port 22"),
                Map.of("Computer", "web-1", "ProcessName", "sshd", "SyslogMessage", "Accepted password for alice from 10.0.0.7 port 22"),
                Map.of("Computer", "web-1", "ProcessName", "cron", "SyslogMessage", "session opened for root"))).get(10, TimeUnit.SECONDS);

        assertThat(count("_Im_Authentication | count")).isEqualTo(2);
        assertThat(count("_Im_Authentication(targetusername_has='root') | where EventResult == 'Failure' | count")).isEqualTo(1);
        assertThat(count("ASimAuthentication(starttime=ago(1h)) | count")).isEqualTo(2);
        assertThat(count("vimAuthenticationSshSyslog(disabled=true) | count")).isZero();
    }

    @Test
    void importingTheSameParsersAgainChangesNothing() {
        List<ContentFile> files = List.of(new ContentFile("ssh.yaml", SOURCE_PARSER), new ContentFile("union.yaml", UNION_PARSER));
        imports.importFiles("default", files);

        List<ImportOutcome> again = imports.importFiles("default", files);

        assertThat(again).allSatisfy(o -> assertThat(o.status()).isEqualTo(ImportStatus.Unchanged));
    }

    @Test
    void aParserCallingAFunctionNobodyDefinesIsRefusedNamingIt() {
        List<ImportOutcome> outcomes = imports.importFiles("default", List.of(new ContentFile("union.yaml", UNION_PARSER)));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(ImportStatus.Refused);
            assertThat(o.refusal().orElseThrow().message()).contains("_Im_Authentication_Ssh");
        });
        assertThat(storage.logStore().functions("default")).isEmpty();
    }

    @Test
    void aParameterOfATypeThatIsNotAKqlTypeIsRefused() {
        List<ImportOutcome> outcomes = imports.importFiles("default", List.of(new ContentFile("bad.yaml",
                SOURCE_PARSER.replace("Type: bool", "Type: boolean-ish"))));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.refusal().orElseThrow().reason()).isEqualTo(RefusalReason.UnsupportedField);
            assertThat(o.refusal().orElseThrow().message()).startsWith("FunctionParams[2].Type: 'boolean-ish' is not a scalar KQL type");
        });
    }
}
