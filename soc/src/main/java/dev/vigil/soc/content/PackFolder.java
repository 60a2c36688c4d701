package dev.vigil.soc.content;

import java.util.Locale;
import java.util.Optional;

/** The folders of a Sentinel solution that hold content, as its repository lays them out. */
enum PackFolder {
    ANALYTIC_RULES("Analytic Rules"),
    HUNTING_QUERIES("Hunting Queries"),
    PARSERS("Parsers"),
    WORKBOOKS("Workbooks"),
    PLAYBOOKS("Playbooks");

    private final String folderName;

    PackFolder(String folderName) {
        this.folderName = folderName;
    }

    /** The content folder a file of the pack is in, by the first segment of its path within the pack (case aside). */
    static Optional<PackFolder> of(String path) {
        String normalized = path.replace('\\', '/');
        int slash = normalized.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String first = normalized.substring(0, slash).toLowerCase(Locale.ROOT);
        for (PackFolder folder : values()) {
            if (folder.folderName.toLowerCase(Locale.ROOT).equals(first)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
