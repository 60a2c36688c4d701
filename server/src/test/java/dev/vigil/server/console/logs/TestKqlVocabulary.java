package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import org.junit.jupiter.api.Test;

/** The operators the Logs editor completes are the ones the parser knows: none of them is refused as "not a query operator". */
class TestKqlVocabulary {
    @Test
    void testEveryCompletedOperatorIsAQueryOperatorOfTheParser() {
        for (String operator : KqlVocabulary.OPERATORS) {
            var diagnostics = Kql.compile("T | " + operator + " ", Catalog.of(java.util.List.of()), CompileOptions.at(java.time.Instant.EPOCH)).diagnostics();
            assertThat(diagnostics.stream().map(KqlDiagnostic::message)).as(operator).noneMatch(m -> m.contains("query operator"));
        }
    }

    @Test
    void testAWordThatIsNoOperatorIsRefusedAsSuch() {
        var diagnostics = Kql.compile("T | frobnicate ", Catalog.of(java.util.List.of()), CompileOptions.at(java.time.Instant.EPOCH)).diagnostics();

        assertThat(diagnostics.stream().map(KqlDiagnostic::message)).anyMatch(m -> m.contains("query operator"));
    }
}
