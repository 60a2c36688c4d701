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

/** Calls that name their arguments ({@code _Im_Dns(starttime=ago(1h))}), as ASIM parsers are called. */
class TestNamedArguments {
    private static final Catalog CATALOG = Catalog.of(
            List.of(new TableSchema("Dns", List.of("Dns"), List.of(new ColumnSchema("TimeGenerated", KqlType.DATETIME),
                    new ColumnSchema("Domain", KqlType.STRING), new ColumnSchema("Code", KqlType.LONG)))),
            List.of(new StoredFunction("_Im_Dns", "(starttime:datetime = datetime(null), domain_has:string = '*', code:long = 0)",
                    "Dns | where (isnull(starttime) or TimeGenerated >= starttime) and (domain_has == '*' or Domain has domain_has)"
                            + " and Code >= code")));
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"));

    private static Compilation compile(String query) {
        return Kql.compile(query, CATALOG, OPTIONS);
    }

    private static KqlDiagnostic error(String query) {
        Compilation compilation = compile(query);
        assertThat(compilation.errors()).hasSize(1);
        return compilation.errors().get(0);
    }

    @Test
    void testNamedArgumentsGoToTheirParametersAndTheOthersTakeTheirDefaults() {
        Compilation named = compile("_Im_Dns(code=3, starttime=ago(1h)) | count");
        Compilation positional = compile("_Im_Dns(ago(1h), '*', 3) | count");

        assertThat(named.errors()).isEmpty();
        assertThat(named.sql()).isEqualTo(positional.sql());
    }

    @Test
    void testPositionalArgumentsComeFirstThenNamedOnes() {
        assertThat(compile("_Im_Dns(ago(1h), code=3)").errors()).isEmpty();
        assertThat(compile("_Im_Dns(ago(1h), code=3)").sql()).isEqualTo(compile("_Im_Dns(ago(1h), '*', 3)").sql());
    }

    @Test
    void testLetFunctionsTakeNamedArgumentsToo() {
        Compilation compilation = compile("let f = (a:long, b:long = 10) { print r = a - b };\nf(b=1, a=5)");

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.sql()).isEqualTo(compile("let f = (a:long, b:long = 10) { print r = a - b };\nf(5, 1)").sql());
    }

    @Test
    void testUnknownParameterNameIsAnErrorAtTheName() {
        KqlDiagnostic error = error("_Im_Dns(domain='x')");

        assertThat(error.message()).isEqualTo("The function '_Im_Dns' has no parameter named 'domain'.");
        assertThat(error.column()).isEqualTo("_Im_Dns(".length() + 1);
    }

    @Test
    void testAParameterGivenTwiceIsAnError() {
        assertThat(error("_Im_Dns(ago(1h), starttime=ago(2h))").message())
                .isEqualTo("The function '_Im_Dns' is given its parameter 'starttime' more than once.");
    }

    @Test
    void testBuiltInFunctionsRefuseNamedArguments() {
        KqlDiagnostic error = error("print strlen(s='abc')");

        assertThat(error.message()).contains("named argument").contains("'s = ...'");
    }
}
