package dev.vigil.soc.content;

import java.util.Locale;
import java.util.Optional;

/**
 * A file's path within a content pack ({@code Workbooks/IoTDevices.json}), and the name a workbook or
 * playbook installed from it takes: the file's name without its extension, or, for Sentinel's
 * playbook layout ({@code Playbooks/Block-IP/azuredeploy.json}), its folder's.
 */
record PackPath(String path) {
    private static final int MAX_NAME = 128;

    /** Whether the file can hold content: YAML or JSON (a pack's folders also hold read-me files and images). */
    boolean isContent() {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    boolean isYaml() {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** The file's name without folders and extension. */
    String stem() {
        String normalized = path.replace('\\', '/');
        String name = normalized.substring(normalized.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * The resource name an installed item takes: letters, digits, '-', '_' and '.', starting with a
     * letter or digit, as workbooks and playbooks are named; each other character becomes '-'. Empty
     * when nothing of the name is left.
     */
    Optional<String> resourceName() {
        String normalized = path.replace('\\', '/');
        String[] segments = normalized.split("/");
        String base = stem().equalsIgnoreCase("azuredeploy") && segments.length >= 3 ? segments[segments.length - 2] : stem();
        String name = base.replaceAll("[^A-Za-z0-9_.-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
