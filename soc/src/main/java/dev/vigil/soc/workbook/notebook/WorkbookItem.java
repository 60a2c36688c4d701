package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One item of a workbook: its {@code name}, its numeric {@code type}, when it shows, and its JSON as given. */
public sealed interface WorkbookItem permits TextItem, QueryItem, ParametersItem, LinksItem, GroupItem, UnsupportedItem {

    String name();

    /** The item's {@code type} as the document writes it: 1 text, 3 query, 9 parameters, 11 links, 12 group. */
    int type();

    /** All of these must hold for the item to show ({@code conditionalVisibility} and {@code conditionalVisibilities}). */
    List<VisibilityCondition> visibility();

    /** How wide the item is, as a percentage of the row ({@code customWidth}), or empty for the full width. */
    ItemLayout layout();

    JsonNode json();
}
