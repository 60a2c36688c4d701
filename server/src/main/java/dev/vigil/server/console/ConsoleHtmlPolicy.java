package dev.vigil.server.console;

import gg.jte.html.HtmlAttribute;
import gg.jte.html.HtmlPolicy;
import gg.jte.html.HtmlPolicyException;
import gg.jte.html.HtmlTag;
import gg.jte.html.OwaspHtmlPolicy;
import gg.jte.html.policy.PreventInlineEventHandlers;
import java.util.Locale;

/**
 * What every console template must respect, checked when the templates are compiled (the build
 * fails otherwise): OWASP's rules (no output in tag names or unquoted attributes), no inline event
 * handlers, and no inline styles. Scripts and styles come from files, so that the pages can run
 * under a Content-Security-Policy that refuses anything inline.
 */
public final class ConsoleHtmlPolicy extends OwaspHtmlPolicy {

    public ConsoleHtmlPolicy() {
        addPolicy(new PreventInlineEventHandlers());
        addPolicy(new PreventInlineStyles());
    }

    /** {@code <style>} elements and {@code style} attributes: the console's one stylesheet holds every style. */
    private static final class PreventInlineStyles implements HtmlPolicy {
        @Override
        public void validateHtmlTag(HtmlTag htmlTag) {
            if (htmlTag.getName().toLowerCase(Locale.ROOT).equals("style")) {
                throw new HtmlPolicyException("<style> elements are not allowed: put the rules in console.css.");
            }
        }

        @Override
        public void validateHtmlAttribute(HtmlTag htmlTag, HtmlAttribute htmlAttribute) {
            if (htmlAttribute.getName().toLowerCase(Locale.ROOT).equals("style")) {
                throw new HtmlPolicyException("Inline style attributes are not allowed (<" + htmlTag.getName() + " style=...>): use a class from console.css.");
            }
        }
    }
}
