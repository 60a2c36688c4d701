package dev.vigil.server.console;

import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.content.ContentPackInstall;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.hunting.HuntingBookmarks;
import dev.vigil.server.query.CallerQueries;
import dev.vigil.soc.hunting.HuntingQueries;
import java.nio.file.Path;

/**
 * What the Content hub and Hunting pages call: the pack installation the API's {@code contentPacks/install} makes,
 * and the hunting queries and bookmarks of the API's hunting routes.
 *
 * @param huntingRuns runs hunting queries for the signed-in user, under their query limits and with their query log rows
 * @param packDirectory the server's folder of content packs ({@code --content-dir}, by default {@code <data>/content}), which the Content hub lists to install from
 */
public record ContentServices(ContentPackInstall packs, HuntingQueries huntingQueries, CallerQueries huntingRuns, HuntingBookmarks bookmarks,
        Path packDirectory) {
}
