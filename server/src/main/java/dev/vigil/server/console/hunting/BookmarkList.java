package dev.vigil.server.console.hunting;

import dev.vigil.server.console.Permit;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's bookmarks, newest first, each attachable to an incident.
 *
 * @param permit whether the user may attach bookmarks (Responder), and why not
 * @param message what the last change did ({@code 2 bookmarks made}), or why it was refused
 */
public record BookmarkList(List<Entry> entries, Permit permit, Optional<Message> message) {

    /**
     * A bookmark.
     *
     * @param incident the incident it is attached to ({@code #3 SSH guessing}), or empty
     * @param editHref the bookmark's own page, to edit it
     */
    public record Entry(String id, String name, String notes, String labels, String tactics, String createdBy, String created, String incident,
                        String attachHref, String editHref) {
    }

    public record Message(String text, boolean error) {
    }

    public BookmarkList {
        entries = List.copyOf(entries);
    }
}
