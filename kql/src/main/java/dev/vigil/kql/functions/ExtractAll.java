package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract_all(regex, [captureGroups,] source)}: every match of the regular expression. Without
 * {@code captureGroups}, a regex with one group gives an array of that group's text per match, one with
 * several groups an array per match holding every group. {@code captureGroups} is a dynamic array of
 * group numbers (1-based) and names: one entry gives an array of that group per match, several give an
 * array per match holding those groups in the order asked. No match gives null.
 *
 * <p>Named groups may be written {@code (?<name>...)} (Kusto's spelling) or {@code (?P<name>...)} (RE2's);
 * the first is rewritten to the second for DuckDB. Group numbers and names are read from the regex when it
 * is a constant; a regex held in a column is taken to have one group.
 */
final class ExtractAll {
    private static final String JSON_NULL = "CAST('null' AS JSON)";

    private ExtractAll() {
    }

    static FunctionDeclaration declaration() {
        return FunctionDeclaration.scalar("extract_all", ColumnNaming.NONE, List.of(
                Signature.of(KqlType.DYNAMIC, ExtractAll::allGroups, KqlType.STRING, KqlType.STRING),
                Signature.of(KqlType.DYNAMIC, ExtractAll::chosenGroups, KqlType.STRING, KqlType.DYNAMIC, KqlType.STRING)));
    }

    /** extract_all(regex, source). */
    private static String allGroups(RenderArguments a) {
        GroupNames groups = GroupNames.of(a, 0);
        String regex = groups.regexSql(a, 0);
        if (groups.count() <= 1) {
            return nullWhenEmpty("regexp_extract_all(" + a.sql(1) + ", " + regex + ", " + Math.max(groups.count(), 0) + ")");
        }
        return SharedValue.let(perMatch(a.sql(1), regex, groups.count()), m -> "CASE WHEN len(" + m + ") > 0 THEN to_json(" + m + ") END");
    }

    /** extract_all(regex, captureGroups, source). */
    private static String chosenGroups(RenderArguments a) {
        GroupNames groups = GroupNames.of(a, 0);
        String regex = groups.regexSql(a, 0);
        String names = groups.namesSql(a);
        // each entry of captureGroups as a group number (null when it names no group)
        String wanted = "list_transform(" + DynamicFunctions.list(a.sql(1)) + ", lambda __eg: CASE WHEN json_type(__eg) IN ('BIGINT', 'UBIGINT') "
                + "THEN TRY_CAST(__eg AS BIGINT) WHEN json_type(__eg) = 'VARCHAR' AND (__eg ->> '$') <> '' THEN nullif(list_position(" + names
                + ", __eg ->> '$'), 0) END)";
        return SharedValue.let(perMatch(a.sql(2), regex, Math.max(groups.count(), 1)), m -> SharedValue.let(wanted, w ->
                "CASE WHEN len(" + m + ") > 0 AND " + w + " IS NOT NULL AND len(" + w + ") > 0 THEN CASE WHEN len(" + w + ") = 1 "
                        + "THEN to_json(list_transform(" + m + ", lambda __em: " + group("__em", w + "[1]") + ")) "
                        + "ELSE to_json(list_transform(" + m + ", lambda __em: list_transform(" + w + ", lambda __ek: " + group("__em", "__ek")
                        + "))) END END"));
    }

    /** The text of group {@code number} of one match; null when there is no such group. */
    private static String group(String match, String number) {
        return "CASE WHEN " + number + " >= 1 THEN " + match + "[" + number + "] END";
    }

    /** One list per match holding the text of groups 1..count. */
    private static String perMatch(String source, String regex, int count) {
        List<String> columns = new ArrayList<>();
        for (int g = 1; g <= count; g++) {
            columns.add("regexp_extract_all(" + source + ", " + regex + ", " + g + ")");
        }
        List<String> elements = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            elements.add(columns.get(g) + "[__ei]");
        }
        return "list_transform(range(1, len(" + columns.get(0) + ") + 1), lambda __ei: [" + String.join(", ", elements) + "])";
    }

    private static String nullWhenEmpty(String list) {
        return SharedValue.let(list, l -> "CASE WHEN len(" + l + ") > 0 THEN to_json(" + l + ") END");
    }

    /** The capture groups of a constant regex, in order: how many there are and the name of each ('' when unnamed). */
    private record GroupNames(String rewritten, List<String> names) {
        static GroupNames of(RenderArguments a, int index) {
            return a.constant(index).map(r -> read((String) r)).orElse(new GroupNames(null, List.of("")));
        }

        int count() {
            return names.size();
        }

        /** The regex as DuckDB reads it: constant ones with Kusto's {@code (?<name>} rewritten. */
        String regexSql(RenderArguments a, int index) {
            return rewritten == null ? a.sql(index) : a.stringLiteral(rewritten);
        }

        String namesSql(RenderArguments a) {
            List<String> literals = new ArrayList<>();
            for (String name : names) {
                literals.add(a.stringLiteral(name));
            }
            return "[" + String.join(", ", literals) + "]::VARCHAR[]";
        }

        /** Scans the regex for capturing groups, skipping escapes and character classes. */
        private static GroupNames read(String regex) {
            StringBuilder rewritten = new StringBuilder();
            List<String> names = new ArrayList<>();
            boolean inClass = false;
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                rewritten.append(c);
                if (c == '\\' && i + 1 < regex.length()) {
                    rewritten.append(regex.charAt(++i));
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                    // a ']' first in the class (after an optional '^') is a literal
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                        rewritten.append(regex.charAt(++i));
                    }
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                        rewritten.append(regex.charAt(++i));
                    }
                } else if (c == '(') {
                    if (!regex.startsWith("?", i + 1)) {
                        names.add("");
                    } else if (regex.startsWith("?P<", i + 1) || (regex.startsWith("?<", i + 1) && !regex.startsWith("?<=", i + 1)
                            && !regex.startsWith("?<!", i + 1))) {
                        int start = regex.indexOf('<', i) + 1;
                        int end = regex.indexOf('>', start);
                        if (end < 0) {
                            return new GroupNames(regex, names.isEmpty() ? List.of("") : names);
                        }
                        names.add(regex.substring(start, end));
                        rewritten.append("?P<").append(regex, start, end + 1);
                        i = end;
                    }
                }
            }
            return new GroupNames(rewritten.toString(), names);
        }
    }
}
