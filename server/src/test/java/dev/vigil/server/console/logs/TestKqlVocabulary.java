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
    void testTheOperatorsMergedLastAreCompletedFromTheCompilersList() {
        assertThat(KqlVocabulary.OPERATORS).contains("scan", "partition", "parse-kv", "top-hitters").containsAll(Kql.operatorNames());
        // find, like print, starts a query, so it is completed as a keyword rather than after a pipe
        assertThat(KqlVocabulary.KEYWORDS).contains("find", "print", "datatable", "range").containsAll(Kql.queryStartNames());
    }

    @Test
    void testEveryCompletedPluginIsOneEvaluateRuns() {
        assertThat(KqlVocabulary.PLUGINS).contains("schema_merge", "ipv4_lookup");
        for (String plugin : KqlVocabulary.PLUGINS) {
            var diagnostics = Kql.compile("print x = 1 | evaluate " + plugin + "()", Catalog.of(java.util.List.of()), CompileOptions.at(java.time.Instant.EPOCH)).diagnostics();
            assertThat(diagnostics.stream().map(KqlDiagnostic::code)).as(plugin).doesNotContain("KS219");
        }
        var unknown = Kql.compile("print x = 1 | evaluate frobnicate()", Catalog.of(java.util.List.of()), CompileOptions.at(java.time.Instant.EPOCH)).diagnostics();
        assertThat(unknown.stream().map(KqlDiagnostic::code)).contains("KS219");
    }

    @Test
    void testAWordThatIsNoOperatorIsRefusedAsSuch() {
        var diagnostics = Kql.compile("T | frobnicate ", Catalog.of(java.util.List.of()), CompileOptions.at(java.time.Instant.EPOCH)).diagnostics();

        assertThat(diagnostics.stream().map(KqlDiagnostic::message)).anyMatch(m -> m.contains("query operator"));
    }
}
