package dev.vigil.soc.content;

import java.util.Objects;

/** One item of a content pack as installed: what the import did with it, and what it needs. */
public record PackItem(ImportOutcome outcome, ContentNeeds needs) {
    public PackItem {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(needs, "needs");
    }
}
