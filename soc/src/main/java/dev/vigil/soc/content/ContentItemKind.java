package dev.vigil.soc.content;

/** What an item of an import became (or would have become): named as the API names the resource. */
public enum ContentItemKind {
    AlertRule,
    HuntingQuery,
    Function,
    Workbook,
    Playbook
}
