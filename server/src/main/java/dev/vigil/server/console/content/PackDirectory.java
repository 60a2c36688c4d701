package dev.vigil.server.console.content;

import dev.vigil.server.console.ConsolePageException;
import dev.vigil.soc.content.ContentFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The server's folder of content packs: each folder directly in it is a pack (a Sentinel solution's
 * layout). Only those folders are read, by name, so that a request cannot reach outside it.
 */
final class PackDirectory {
    static final int MAX_FILES = 5_000;

    private final Path root;

    PackDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The packs, by name; none when the folder does not exist. */
    List<String> packs() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the content pack folder " + root + " cannot be listed", e);
        }
    }

    /** A pack's YAML and JSON files, each named by its path within the pack. */
    List<ContentFile> files(String pack) {
        if (!packs().contains(pack)) {
            throw ConsolePageException.notFound("There is no content pack '" + pack + "' in " + root + ".");
        }
        Path folder = root.resolve(pack);
        List<ContentFile> files = new ArrayList<>();
        try (Stream<Path> found = Files.walk(folder)) {
            for (Path file : found.filter(Files::isRegularFile).filter(PackDirectory::isContent).sorted().toList()) {
                if (files.size() == MAX_FILES) {
                    throw new ConsolePageException(400, "Pack too large", "The pack '" + pack + "' holds more than " + MAX_FILES + " files.");
                }
                files.add(new ContentFile(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the content pack " + folder + " cannot be read", e);
        }
        return files;
    }

    private static boolean isContent(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
