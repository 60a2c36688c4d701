package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.FunctionDefinitionException;
import dev.vigil.workspace.api.FunctionNotFoundException;
import dev.vigil.workspace.api.FunctionPart;
import dev.vigil.workspace.api.QueryExplanation;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.SavedFunction;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableDefinitionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestStoredFunctions {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withWorkspace("default");

    @BeforeEach
    void ingestAlerts() throws Exception {
        storage.logs().ingest("default", "SecurityAlert", List.of(
                Map.of("AlertName", "Reverse shell", "AlertSeverity", "High", "TimeGenerated", "2024-05-01T11:30:00Z"),
                Map.of("AlertName", "Device silent", "AlertSeverity", "Low", "TimeGenerated", "2024-05-01T11:45:00Z"),
                Map.of("AlertName", "Old scan", "AlertSeverity", "High", "TimeGenerated", "2024-04-20T00:00:00Z")))
                .get(10, TimeUnit.SECONDS);
    }

    private static StoredFunctionDefinition function(String name, String parameters, String body) {
        return new StoredFunctionDefinition(name, parameters, body, Optional.empty(), Optional.empty());
    }

    private List<List<Object>> rows(String kql) {
        return storage.logs().query("default", QueryRequest.of(kql)).primary().rows();
    }

    private FunctionDefinitionException refusal(StoredFunctionDefinition definition) {
        try {
            storage.logs().saveFunction("default", definition);
        } catch (FunctionDefinitionException e) {
            return e;
        }
        throw new AssertionError("function " + definition.name() + " was saved");
    }

    @Test
    void testSavedFunctionsAreListedByNameAndReplaced() {
        SavedFunction first = storage.logs().saveFunction("default", new StoredFunctionDefinition("HighAlerts", "",
                "SecurityAlert | where AlertSeverity == \"High\"", Optional.of("Parsers"), Optional.of("High severity alerts")));
        storage.logs().saveFunction("default", function("AllAlerts", "", "SecurityAlert"));
        SavedFunction replaced = storage.logs().saveFunction("default",
                function("HighAlerts", "", "SecurityAlert | where AlertSeverity =~ \"high\""));

        assertThat(first.created()).isTrue();
        assertThat(replaced.created()).isFalse();
        assertThat(storage.logs().functions("default")).extracting(StoredFunctionDefinition::name).containsExactly("AllAlerts", "HighAlerts");
        assertThat(storage.logs().function("default", "HighAlerts").body()).isEqualTo("SecurityAlert | where AlertSeverity =~ \"high\"");
        assertThat(storage.logs().function("default", "HighAlerts").category()).isEmpty();
    }

    @Test
    void testDeletedFunctionIsGoneAndCannotBeCalled() {
        storage.logs().saveFunction("default", function("AllAlerts", "", "SecurityAlert"));

        storage.logs().deleteFunction("default", "AllAlerts");

        assertThat(storage.logs().functions("default")).isEmpty();
        assertThatThrownBy(() -> storage.logs().function("default", "AllAlerts")).isInstanceOf(FunctionNotFoundException.class)
                .hasMessage("workspace 'default' has no stored function 'AllAlerts'");
        assertThatThrownBy(() -> storage.logs().deleteFunction("default", "AllAlerts")).isInstanceOf(FunctionNotFoundException.class);
        assertThatThrownBy(() -> rows("AllAlerts | count")).hasMessageContaining("AllAlerts");
    }

    @Test
    void testFunctionsSurviveARestart() {
        storage.logs().saveFunction("default", new StoredFunctionDefinition("Recent", "(lookback:timespan = 1h)",
                "SecurityAlert | where TimeGenerated > ago(lookback)", Optional.of("Parsers"), Optional.of("Recent alerts")));
        storage.reopen();

        assertThat(storage.logs().functions("default")).containsExactly(new StoredFunctionDefinition("Recent", "(lookback:timespan = 1h)",
                "SecurityAlert | where TimeGenerated > ago(lookback)", Optional.of("Parsers"), Optional.of("Recent alerts")));
        assertThat(rows("Recent() | count")).containsExactly(List.of(2L));
    }

    @Test
    void testQueryCallsAFunctionWithoutArguments() {
        storage.logs().saveFunction("default", function("HighAlerts", "", "SecurityAlert | where AlertSeverity == \"High\""));

        assertThat(rows("HighAlerts | project AlertName | sort by AlertName asc"))
                .containsExactly(List.of("Old scan"), List.of("Reverse shell"));
        assertThat(rows("HighAlerts() | count")).containsExactly(List.of(2L));
    }

    @Test
    void testQueryCallsAFunctionWithArgumentsAndDefaults() {
        storage.logs().saveFunction("default", function("AlertsSince", "(lookback:timespan = 1h, severity:string = \"High\")",
                "SecurityAlert\n| where TimeGenerated > ago(lookback) and AlertSeverity == severity\n| project AlertName"));

        assertThat(rows("AlertsSince()")).containsExactly(List.of("Reverse shell"));
        assertThat(rows("AlertsSince(1h, \"Low\")")).containsExactly(List.of("Device silent"));
        assertThat(rows("AlertsSince(30d) | sort by AlertName asc")).containsExactly(List.of("Old scan"), List.of("Reverse shell"));
    }

    @Test
    void testParametersWithoutParenthesesAreAcceptedAsLogAnalyticsWritesThem() {
        SavedFunction saved = storage.logs().saveFunction("default",
                function("BySeverity", "severity:string", "SecurityAlert | where AlertSeverity == severity"));

        assertThat(saved.function().parameters()).isEqualTo("(severity:string)");
        assertThat(rows("BySeverity(\"Low\") | project AlertName")).containsExactly(List.of("Device silent"));
    }

    @Test
    void testScalarFunctionIsCalledInAnExpression() {
        storage.logs().saveFunction("default", function("Shout", "(s:string)", "strcat(toupper(s), \"!\")"));

        assertThat(rows("SecurityAlert | where AlertSeverity == \"Low\" | project Loud = Shout(AlertName)"))
                .containsExactly(List.of("DEVICE SILENT!"));
    }

    @Test
    void testTabularParameterFunctionTakesAnyTableWithTheDeclaredColumns() {
        storage.logs().saveFunction("default", function("LastHour", "(T:(TimeGenerated:datetime), now_:datetime)",
                "T | where TimeGenerated between ((now_ - 1h) .. now_)"));

        assertThat(rows("LastHour(SecurityAlert, datetime(2024-05-01T12:00:00Z)) | project AlertName | sort by AlertName asc"))
                .containsExactly(List.of("Device silent"), List.of("Reverse shell"));
        assertThat(rows("SecurityAlert | invoke LastHour(datetime(2024-05-01T11:40:00Z)) | project AlertName"))
                .containsExactly(List.of("Reverse shell"));
    }

    @Test
    void testTabularParameterColumnsNamedWithQuotesBackslashesAndLineBreaksAreChecked() {
        String columns = "[\"it's \\\"odd\\\"\"]:string, ['back\\\\slash\\nline']:long";
        storage.logs().saveFunction("default", function("Odd", "(T:(" + columns + "))", "T | where ['back\\\\slash\\nline'] > 1 | count"));

        assertThat(rows("datatable(" + columns + ")[\"a\", 1, \"b\", 2, \"c\", 3] | invoke Odd()")).containsExactly(List.of(2L));
    }

    @Test
    void testFunctionsMayCallOtherStoredFunctions() {
        storage.logs().saveFunction("default", function("HighAlerts", "", "SecurityAlert | where AlertSeverity == \"High\""));
        storage.logs().saveFunction("default", function("HighAlertNames", "", "HighAlerts | project AlertName"));

        assertThat(rows("HighAlertNames | count")).containsExactly(List.of(2L));
    }

    @Test
    void testBodyThatDoesNotBindIsRefusedWithItsPositionInTheBody() {
        FunctionDefinitionException refused = refusal(function("Broken", "(lookback:timespan)",
                "SecurityAlert\n| where TimeGenerated > ago(lookback)\n| where Colour == \"red\""));

        assertThat(refused.code()).isEqualTo("InvalidFunctionDefinition");
        assertThat(refused.part()).contains(FunctionPart.BODY);
        KqlDiagnostic first = refused.diagnostics().get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.column()).isEqualTo(9);
        assertThat(first.start()).isEqualTo("SecurityAlert\n| where TimeGenerated > ago(lookback)\n| where ".length());
        assertThat(refused.getMessage()).startsWith("function 'Broken' does not compile: the body has an error at line 3:9: ")
                .contains("Colour");
        assertThat(storage.logs().functions("default")).isEmpty();
    }

    @Test
    void testBodyWithASyntaxErrorIsRefusedWithItsPosition() {
        FunctionDefinitionException refused = refusal(function("Broken", "", "SecurityAlert | where"));

        assertThat(refused.part()).contains(FunctionPart.BODY);
        assertThat(refused.diagnostics().get(0).line()).isEqualTo(1);
        assertThat(refused.diagnostics().get(0).column()).isGreaterThanOrEqualTo("SecurityAlert | where".length());
    }

    @Test
    void testParameterWithUnknownTypeIsRefusedWithItsPositionInTheParameters() {
        FunctionDefinitionException refused = refusal(function("Broken", "(a:string, b:strnig)", "SecurityAlert | take 1"));

        assertThat(refused.part()).contains(FunctionPart.PARAMETERS);
        // the compiler points at the parameter whose type is unknown
        assertThat(refused.diagnostics().get(0).column()).isEqualTo("(a:string, ".length() + 1);
        assertThat(refused.getMessage()).contains("parameter list").contains("strnig");
    }

    @Test
    void testPositionsInParametersWithoutParenthesesCountFromWhatWasWritten() {
        FunctionDefinitionException refused = refusal(function("Broken", "a:string, b:strnig", "SecurityAlert | take 1"));

        assertThat(refused.part()).contains(FunctionPart.PARAMETERS);
        assertThat(refused.diagnostics().get(0).column()).isEqualTo("a:string, ".length() + 1);
    }

    @Test
    void testTypeMismatchInsideATabularParameterFunctionIsRefused() {
        FunctionDefinitionException refused = refusal(function("Broken", "(T:(TimeGenerated:datetime))", "T | where TimeGenerated > 5"));

        assertThat(refused.part()).contains(FunctionPart.BODY);
        // the compiler points at the operator that has no overload for datetime and long
        assertThat(refused.diagnostics().get(0).column()).isEqualTo("T | where TimeGenerated ".length() + 1);
    }

    @Test
    void testNamesOfTablesBuiltInsAndKeywordsAreRefused() {
        assertThat(refusal(function("SecurityAlert", "", "print 1")).getMessage()).contains("clashes with the table 'SecurityAlert'");
        assertThat(refusal(function("securityalert", "", "print 1")).getMessage()).contains("clashes with the table 'SecurityAlert'");
        assertThat(refusal(function("strlen", "", "print 1")).getMessage()).contains("built-in KQL function");
        assertThat(refusal(function("count", "", "print 1")).getMessage()).contains("built-in KQL function");
        assertThat(refusal(function("print", "", "print 1")).getMessage()).contains("keyword");
        assertThat(refusal(function("datetime", "", "print 1")).getMessage()).contains("keyword");
        assertThat(refusal(function("my-function", "", "print 1")).getMessage()).contains("is not valid");
        assertThat(refusal(function("print", "", "print 1")).part()).isEmpty();
    }

    @Test
    void testCustomTableCannotTakeTheNameOfAFunction() {
        storage.logs().saveFunction("default", function("Inventory_CL", "", "SecurityAlert"));

        assertThatThrownBy(() -> storage.logs().createCustomTable("default", new TableDefinition("Inventory_CL",
                List.of(new ColumnSchema("DeviceId", KqlType.STRING)))))
                .isInstanceOf(TableDefinitionException.class).hasMessageContaining("stored function 'Inventory_CL'");
    }

    @Test
    void testBodyErrorAtQueryTimeIsReportedAtTheCallInTheQuery() {
        storage.logs().saveFunction("default", function("Parser", "(T:(*))", "T\n| where Colour == \"red\""));

        assertThatThrownBy(() -> rows("SecurityAlert\n| project AlertName\n| invoke Parser()"))
                .isInstanceOfSatisfying(dev.vigil.workspace.api.KqlQueryException.class, e -> {
                    KqlDiagnostic error = e.diagnostics().get(0);
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo("| invoke ".length() + 1);
                    assertThat(error.message()).startsWith("In stored function 'Parser' (line 2:9 of its body): ");
                });
    }

    @Test
    void testFunctionCallingItselfIsRefused() {
        assertThat(refusal(function("Loop", "", "Loop | take 1")).part()).contains(FunctionPart.BODY);
    }

    @Test
    void testExplainShowsTheBoundPlanAndSqlWithoutRunning() {
        storage.logs().saveFunction("default", function("HighAlerts", "", "SecurityAlert | where AlertSeverity == \"High\""));

        QueryExplanation explanation = storage.logs().explain("default", QueryRequest.of("HighAlerts | project AlertName"));

        assertThat(explanation.plan()).contains("Project").contains("AlertName:string").contains("TableScan SecurityAlert");
        assertThat(explanation.sql()).contains("\"ws_default\".\"SecurityAlert\"");
        assertThat(explanation.columns()).containsExactly(new ColumnSchema("AlertName", KqlType.STRING));
    }
}
