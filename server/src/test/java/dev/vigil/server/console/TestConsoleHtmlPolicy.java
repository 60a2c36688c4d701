package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy the build compiles every console template under refuses what a strict Content-Security-Policy would block or what could inject markup. */
class TestConsoleHtmlPolicy {
    @TempDir
    Path templates;

    @TempDir
    Path classes;

    private String compile(String source, Object... parameters) throws IOException {
        Files.writeString(templates.resolve("t.jte"), source);
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templates), classes, ContentType.Html);
        engine.setHtmlPolicy(new ConsoleHtmlPolicy());
        StringOutput output = new StringOutput();
        engine.render("t.jte", Map.of("name", parameters.length == 0 ? "x" : parameters[0]), output);
        return output.toString();
    }

    @Test
    void testInlineEventHandlersAreRefused() {
        assertThatThrownBy(() -> compile("@param String name\n<button onclick=\"go()\">${name}</button>"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("onclick");
    }

    @Test
    void testInlineStylesAreRefused() {
        assertThatThrownBy(() -> compile("@param String name\n<p style=\"color:red\">${name}</p>"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Inline style attributes are not allowed");
        assertThatThrownBy(() -> compile("@param String name\n<style>p{}</style><p>${name}</p>"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("<style> elements are not allowed");
    }

    @Test
    void testOutputInAnUnquotedAttributeIsRefused() {
        assertThatThrownBy(() -> compile("@param String name\n<a href=${name}>x</a>")).isInstanceOf(TemplateException.class);
    }

    @Test
    void testOutputIsEscapedInTextAndAttributes() throws IOException {
        String html = compile("@param String name\n<a title=\"${name}\">${name}</a>", "\"><script>alert(1)</script>");

        assertThat(html).doesNotContain("<script>").contains("&gt;&lt;script&gt;alert(1)").contains("title=\"&#34;>");
    }
}
