package dev.vigil.soc.workbook.evaluation;

import dev.vigil.soc.workbook.notebook.GroupItem;
import dev.vigil.soc.workbook.notebook.LinksItem;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.ParametersItem;
import dev.vigil.soc.workbook.notebook.QueryItem;
import dev.vigil.soc.workbook.notebook.TextItem;
import dev.vigil.soc.workbook.notebook.VisibilityCondition;
import dev.vigil.soc.workbook.notebook.WorkbookItem;
import dev.vigil.soc.workbook.notebook.WorkbookLink;
import dev.vigil.soc.workbook.notebook.WorkbookParameter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a change of parameter values touches. A parameter whose drop-down query refers to a changed
 * parameter is queried again, and its value may change with its options, so it counts as changed
 * too, and so on down the chain. An item depends on the parameters its query, title, text, time
 * context, visibility or parameter queries refer to; a group whose visibility depends on a changed
 * parameter shows or hides its items with it, so they are touched as well.
 */
final class ParameterDependencies {
    private final NotebookDocument document;
    /** Each queried drop-down's name, and the names its query refers to. */
    private final Map<String, Set<String>> queriedParameters = new LinkedHashMap<>();

    private ParameterDependencies(NotebookDocument document) {
        this.document = document;
        for (WorkbookItem item : document.flattened()) {
            if (item instanceof ParametersItem parameters) {
                for (WorkbookParameter parameter : parameters.parameters()) {
                    parameter.query().ifPresent(query -> queriedParameters.put(parameter.name(), ParameterSubstitution.references(query)));
                }
            }
        }
    }

    static ParameterDependencies of(NotebookDocument document) {
        return new ParameterDependencies(document);
    }

    /** The changed parameters and those whose drop-down query refers, directly or through others, to one of them. */
    Set<String> touched(Set<String> changed) {
        Set<String> touched = new LinkedHashSet<>(changed);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> parameter : queriedParameters.entrySet()) {
                if (!touched.contains(parameter.getKey()) && !Collections.disjoint(parameter.getValue(), touched)) {
                    touched.add(parameter.getKey());
                    grew = true;
                }
            }
        }
        return touched;
    }

    /** The drop-downs whose query refers to a touched parameter: their options must be queried again. */
    Set<String> requeried(Set<String> touched) {
        Set<String> requeried = new LinkedHashSet<>();
        queriedParameters.forEach((name, references) -> {
            if (!Collections.disjoint(references, touched)) {
                requeried.add(name);
            }
        });
        return requeried;
    }

    /** The items that depend on a touched parameter, compared by identity (two items may be written alike). */
    Set<WorkbookItem> affected(Set<String> touched) {
        Set<WorkbookItem> affected = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(document.items(), touched, false, affected);
        return affected;
    }

    private static void collect(List<WorkbookItem> items, Set<String> touched, boolean forced, Set<WorkbookItem> affected) {
        for (WorkbookItem item : items) {
            boolean visibilityTouched = item.visibility().stream().map(VisibilityCondition::parameterName).anyMatch(touched::contains);
            if (forced || visibilityTouched || !Collections.disjoint(references(item), touched)) {
                affected.add(item);
            }
            if (item instanceof GroupItem group) {
                collect(group.items(), touched, forced || visibilityTouched, affected);
            }
        }
    }

    /** The parameters an item's content refers to, its visibility aside. */
    private static Set<String> references(WorkbookItem item) {
        Set<String> names = new LinkedHashSet<>();
        if (item instanceof TextItem text) {
            names.addAll(ParameterSubstitution.references(text.markdown()));
        } else if (item instanceof QueryItem query) {
            names.addAll(ParameterSubstitution.references(query.query()));
            names.addAll(ParameterSubstitution.references(query.title()));
            query.timeContextFromParameter().ifPresent(names::add);
        } else if (item instanceof ParametersItem parameters) {
            // the controls' options come from these queries; the values chosen in them are the viewer's own
            parameters.parameters().forEach(parameter -> parameter.query().ifPresent(query -> names.addAll(ParameterSubstitution.references(query))));
        } else if (item instanceof LinksItem links) {
            // a tab shows whether it is the current one
            links.links().stream().filter(WorkbookLink::setsParameter).forEach(link -> names.add(link.cellValue()));
        } else if (item instanceof GroupItem group) {
            names.addAll(ParameterSubstitution.references(group.title()));
        }
        return names;
    }
}
