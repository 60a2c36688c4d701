package dev.vigil.server.api.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The test solution folder ({@code content/SshSolution}): rules and a parser written for these tests in Sentinel's formats. */
public final class ContentFixtures {
    public static final String SSH_RULE_ID = "9e4b2a71-6c3d-4f08-a5b9-1d2e3f4a5b6c";
    public static final String NRT_RULE_ID = "3c8d1e5f-2a4b-4c6d-9e0f-7a8b9c0d1e2f";
    public static final String ARM_RULE_ID = "c41d7e2a-9b8f-4a6e-8d3c-2b1a0f9e8d7c";
    public static final String PARSER_RULE_ID = "7f6e5d4c-3b2a-4109-8f7e-6d5c4b3a2910";

    private ContentFixtures() {
    }

    public static Path solution() {
        try {
            return Path.of(ContentFixtures.class.getResource("/content/SshSolution").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Sigma rules written for these tests ({@code content/Sigma}), as an import request's {@code files}. */
    public static List<Map<String, String>> sigmaFiles() {
        return files("../Sigma");
    }

    /** Vigil's own IoT/OT content pack, as shipped in the repository's {@code content} folder. */
    public static Path iotOtPack() {
        Path pack = Path.of("..", "content", "Vigil IoT OT").toAbsolutePath().normalize();
        if (!Files.isDirectory(pack)) {
            throw new IllegalStateException("the IoT/OT pack is not at " + pack + "; tests run from the server module's folder");
        }
        return pack;
    }

    /** Every content file under a folder, named by its path within it, as a pack installation's {@code files}. */
    public static List<Map<String, String>> packFiles(Path pack) {
        try (Stream<Path> found = Files.walk(pack)) {
            return found.filter(Files::isRegularFile).sorted().map(file -> Map.of("name", pack.relativize(file).toString().replace('\\', '/'),
                    "content", read(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of one folder of the solution as an import request's {@code files}. */
    public static List<Map<String, String>> files(String folder) {
        try (Stream<Path> found = Files.list(solution().resolve(folder))) {
            return found.sorted().map(file -> Map.of("name", file.getFileName().toString(), "content", read(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
