package dev.vigil.soc.content;

/** What importing one item did. */
public enum ImportStatus {
    /** It was new, and is now saved. */
    Imported,
    /** It existed with an older version or other content, and was replaced. */
    Updated,
    /** It exists with the same or a newer version, or the same content: nothing changed. */
    Unchanged,
    /** It was not saved; the refusal says why. */
    Refused
}
