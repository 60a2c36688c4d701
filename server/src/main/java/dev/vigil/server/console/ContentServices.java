package dev.vigil.server.console;

import dev.vigil.soc.content.ContentPackInstall;
import dev.vigil.soc.hunting.HuntingBookmarks;
import dev.vigil.soc.hunting.HuntingQueries;
import java.nio.file.Path;

/**
 * What the Content hub and Hunting pages call: the pack installation the API's {@code contentPacks/install} makes,
 * and the hunting queries and bookmarks of the API's hunting routes.
 *
 * @param packDirectory the server's folder of content packs ({@code <data>/content}), which the Content hub lists to install from
 */
public record ContentServices(ContentPackInstall packs, HuntingQueries huntingQueries, HuntingBookmarks bookmarks, Path packDirectory) {
}
