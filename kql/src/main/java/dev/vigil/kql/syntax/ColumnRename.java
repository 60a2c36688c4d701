package dev.vigil.kql.syntax;

/** {@code NewName = OldName} in {@code project-rename}. */
public record ColumnRename(Identifier newName, Identifier oldName) {
}
