package dev.vigil.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the console's templates, compiled at build time by {@code jte-maven-plugin} (the jar
 * carries no template compiler). Each template takes one view-model record.
 */
public final class ConsoleTemplates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Answers the request with the template rendered over the model, as HTML. */
    public void render(Context ctx, String template, Object model) {
        ctx.contentType("text/html; charset=utf-8").result(renderToString(template, model));
    }

    public String renderToString(String template, Object model) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, model, output);
        return output.toString();
    }
}
