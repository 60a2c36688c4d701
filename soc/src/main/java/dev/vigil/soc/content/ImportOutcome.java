package dev.vigil.soc.content;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one item of an import.
 *
 * @param file the file the item came from
 * @param kind what the item is: a rule, a hunting query, a function...
 * @param id the rule id or function name, when the file got as far as naming it
 * @param name the rule's display name or the function's name, likewise
 * @param version the item's version as the file gives it
 * @param note for an unchanged item, why (e.g. a newer version is installed)
 */
public record ImportOutcome(String file, ContentItemKind kind, Optional<String> id, Optional<String> name, Optional<String> version, ImportStatus status,
        Optional<Refusal> refusal, Optional<String> note) {
    public ImportOutcome {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(note, "note");
    }

    static ImportOutcome refused(String file, ContentItemKind kind, Optional<String> id, Optional<String> name, Refusal refusal) {
        return new ImportOutcome(file, kind, id, name, Optional.empty(), ImportStatus.Refused, Optional.of(refusal), Optional.empty());
    }
}
