package dev.vigil.kql.binder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors inside a stored function's body are reported at the call in the query, saying where in the body they are. */
class TestStoredFunctionErrors {
    private static final Catalog CATALOG = Catalog.of(
            List.of(new TableSchema("T", List.of("T"), List.of(new ColumnSchema("Id", KqlType.LONG)))),
            List.of(new StoredFunction("Parser", "(X:(*))", "X\n| where Colour == \"red\""),
                    new StoredFunction("Outer", "", "let t = T;\nParser(t)"),
                    new StoredFunction("Limited", "(n:long = \"x\")", "T | take n")));
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"));

    private static KqlDiagnostic error(String query) {
        Compilation compilation = Kql.compile(query, CATALOG, OPTIONS);
        assertThat(compilation.errors()).hasSize(1);
        return compilation.errors().get(0);
    }

    @Test
    void testBodyErrorIsReportedAtTheCallWithItsPlaceInTheBody() {
        KqlDiagnostic error = error("T\n| project Id\n| invoke Parser()");

        assertThat(error.code()).isEqualTo("KS142");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(10);
        assertThat(error.message()).startsWith("In stored function 'Parser' (line 2:9 of its body): ").contains("Colour");
    }

    @Test
    void testDirectCallIsPointedAtTheCall() {
        KqlDiagnostic error = error("let x = 1;\nParser(T) | take 1");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error.length()).isEqualTo("Parser(T)".length());
    }

    @Test
    void testErrorThroughTwoStoredFunctionsNamesBoth() {
        KqlDiagnostic error = error("Outer | count");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error.message()).startsWith("In stored function 'Outer' (line 2:1 of its body): In stored function 'Parser' (line 2:9 of its body): ");
    }

    @Test
    void testBadDefaultIsPlacedInTheParameters() {
        KqlDiagnostic error = error("Limited()");

        assertThat(error.column()).isEqualTo(1);
        assertThat(error.message()).startsWith("In stored function 'Limited' (line 1:").contains("of its parameters)");
    }

    @Test
    void testErrorInAnArgumentStaysInTheQuery() {
        KqlDiagnostic error = error("Parser(T | extend x = Nope)");

        assertThat(error.column()).isEqualTo("Parser(T | extend x = ".length() + 1);
        assertThat(error.message()).doesNotContain("stored function");
    }
}
