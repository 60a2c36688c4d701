package dev.vigil.kql.binder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Independent errors of one pipe are reported together; the parser still stops at the first syntax error. */
class TestSeveralErrors {
    private static final Catalog CATALOG = Catalog.of(List.of(new TableSchema("T", List.of("T"), List.of(
            new ColumnSchema("Id", KqlType.LONG), new ColumnSchema("Name", KqlType.STRING)))));

    private static List<String> errors(String query) {
        Compilation compilation = Kql.compile(query, CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));
        return compilation.errors().stream().map(e -> e.code() + " " + e.line() + ":" + e.column()).toList();
    }

    @Test
    void testErrorsAfterAFilterAreReportedToo() {
        assertThat(errors("T\n| where Nope == 1\n| sort by Other\n| project Id, Missing"))
                .containsExactly("KS142 2:9", "KS142 3:11", "KS142 4:15");
    }

    @Test
    void testTypeErrorAndUnknownNameAreBothReported() {
        assertThat(errors("T | where Name > now() | take 5 | project Absent")).containsExactly("KS106 1:16", "KS142 1:43");
    }

    @Test
    void testAnErrorInAnOperatorThatChangesColumnsEndsBinding() {
        // after a failed extend the columns are unknown, so later errors would only be guesses
        assertThat(errors("T | extend a = Nope | where a > 1")).containsExactly("KS142 1:16");
    }

    @Test
    void testEverySyntaxErrorIsReportedAndTheQueryIsNotBound() {
        // the pipe inside the parentheses belongs to the where; the second ')' closes nothing; Nope is not looked up
        assertThat(errors("T | where (Id > | project ) ) | extend x = Nope")).containsExactly("KS006 1:17", "KS002 1:29");
    }

    @Test
    void testErrorsInSeveralTabularStatementsAreAllReportedInOrder() {
        assertThat(errors("T | where Nope == 1;\nT | where Other == 2;\nT | project Id")).containsExactly("KS142 1:11", "KS142 2:11");
    }

    @Test
    void testDiagnosticsComeInTextOrderWithMessages() {
        Compilation compilation = Kql.compile("T | where A == 1 | where B == 2", CATALOG, CompileOptions.at(Instant.EPOCH));

        assertThat(compilation.errors()).extracting(KqlDiagnostic::message)
                .satisfiesExactly(m -> assertThat(m).contains("'A'"), m -> assertThat(m).contains("'B'"));
    }
}
