package dev.vigil.server.console.workbooks;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A workbook's markdown as HTML. Raw HTML in the markdown is escaped, not passed through, and link
 * and image addresses other than http(s), mailto and relative ones are dropped: a workbook is
 * written by any Contributor and imported from anywhere, and is read by everyone on the workspace.
 */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
