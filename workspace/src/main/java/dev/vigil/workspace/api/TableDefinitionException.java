package dev.vigil.workspace.api;

/** A table definition that cannot be created: bad name, duplicate or unknown column type. */
public final class TableDefinitionException extends WorkspaceException {
    public TableDefinitionException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidTableDefinition";
    }
}
