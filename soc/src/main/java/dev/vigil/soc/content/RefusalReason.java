package dev.vigil.soc.content;

/** Why an item was refused, as a stable code for the API and the CLI. */
public enum RefusalReason {
    /** Not YAML or JSON, or not a rule or parser of a known format. */
    UnreadableFile,
    /** The file holds other content than this import takes: a parser given to the rule import, or the reverse. */
    WrongKind,
    /** The file holds a field Vigil does not support, or a rule kind it does not run. */
    UnsupportedField,
    /** The file is content of a format Vigil does not run, e.g. a playbook written as a Logic App; the message names what Vigil takes. */
    UnsupportedFormat,
    /** A field has a value that is not allowed, e.g. a query frequency under 5 minutes. */
    InvalidValue,
    /** The query names a table or function the workspace does not have. */
    MissingTableOrFunction,
    /** A pack's item would replace one of the same name that it did not install (a workbook or playbook saved by hand): that one is kept. */
    NameTaken,
    /** The query does not compile; the message gives the line and column. */
    KqlError
}
