package dev.vigil.soc.content;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parser as a content file gives it: the names queries call it by (its name and its alias),
 * its parameter list as KQL ({@code (starttime:datetime = datetime(null), ...)}, empty if none),
 * its body, and what describes it.
 */
record ParserDocument(List<String> names, String parameters, String body, Optional<String> version, Optional<String> category,
                      Optional<String> title) {
    ParserDocument {
        names = List.copyOf(names);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
    }
}
