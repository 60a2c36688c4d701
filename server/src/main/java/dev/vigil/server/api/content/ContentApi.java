package dev.vigil.server.api.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.server.api.hunting.HuntingRoutes;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.content.AlertRuleImport;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.content.ContentPackInstall;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.content.ParserImport;
import dev.vigil.soc.hunting.HuntingBookmarks;
import dev.vigil.soc.hunting.HuntingQueries;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/** The content routes: imports of Sentinel content, content packs, and the hunting queries and bookmarks it brings. */
public final class ContentApi {
    private final AlertRuleImport rules;
    private final ParserImport parsers;
    private final HuntingQueries huntingQueries;
    private final HuntingBookmarks bookmarks;
    private final ContentPackInstall packs;
    private final CallerQueries runs;
    private final Clock clock;

    public ContentApi(AlertRuleImport rules, ParserImport parsers, HuntingQueries huntingQueries, HuntingBookmarks bookmarks, ContentPackInstall packs,
                      CallerQueries runs, Clock clock) {
        this.runs = runs;
        this.packs = packs;
        this.rules = rules;
        this.parsers = parsers;
        this.huntingQueries = huntingQueries;
        this.bookmarks = bookmarks;
        this.clock = clock;
    }

    public void register(RoutesConfig routes, ObjectMapper mapper) {
        new ContentImportRoutes(rules, parsers, packs).register(routes);
        new HuntingRoutes(huntingQueries, runs, bookmarks, mapper, clock).register(routes);
    }
}
