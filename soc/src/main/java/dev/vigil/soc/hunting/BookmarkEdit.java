package dev.vigil.soc.hunting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an edit of a bookmark changes, as Sentinel lets a bookmark be edited: each field given
 * replaces the bookmark's, each one left empty keeps it. The bookmarked row, its query and window,
 * and its entities stay as they were bookmarked.
 */
public record BookmarkEdit(Optional<String> displayName, Optional<String> notes, Optional<List<String>> labels, Optional<List<String>> tactics,
                           Optional<List<String>> techniques, Optional<Instant> eventTime) {
    public BookmarkEdit {
        displayName = displayName.map(BookmarkFields::displayName);
        notes = notes.map(String::strip);
        labels = labels.map(BookmarkFields::labels);
        tactics = tactics.map(BookmarkFields::tactics);
        techniques = techniques.map(BookmarkFields::techniques);
        if (displayName.isEmpty() && notes.isEmpty() && labels.isEmpty() && tactics.isEmpty() && techniques.isEmpty() && eventTime.isEmpty()) {
            throw new InvalidHuntingRequestException("an edit changes at least one of displayName, notes, labels, tactics, techniques, eventTime");
        }
    }

    /** The bookmark as this edit leaves it, changed by {@code user} at {@code now}. */
    Bookmark applyTo(Bookmark bookmark, String user, Instant now) {
        return new Bookmark(bookmark.workspaceId(), bookmark.id(), displayName.orElse(bookmark.displayName()), notes.orElse(bookmark.notes()),
                labels.orElse(bookmark.labels()), tactics.orElse(bookmark.tactics()), techniques.orElse(bookmark.techniques()), bookmark.queryText(),
                bookmark.queryResult(), bookmark.queryStartTime(), bookmark.queryEndTime(), eventTime.or(bookmark::eventTime), bookmark.entities(),
                bookmark.createdBy(), bookmark.created(), user, now);
    }
}
