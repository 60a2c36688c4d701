package dev.vigil.server.console.workbooks;

import dev.vigil.server.console.layout.Shell;
import java.util.List;

/** The Workbooks area's first page: the templates of the gallery and the workspace's saved workbooks. */
public record GalleryPage(Shell shell, List<Entry> templates, List<Entry> saved) {
    public record Entry(String name, String description, String category, String href) {
    }
}
