package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPlaybookSecretKey {
    @TempDir
    Path data;

    @Test
    void testTheKeyIsMadeOnceOwnerOnlyAndReadBackOnLaterStarts() throws Exception {
        AtomicInteger made = new AtomicInteger();
        byte[] first = PlaybookSecretKey.load(data, () -> {
            made.incrementAndGet();
            return new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
        });
        byte[] again = PlaybookSecretKey.load(data, () -> {
            made.incrementAndGet();
            return new byte[] {9};
        });

        assertThat(again).isEqualTo(first).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(made).hasValue(1);
        Path file = data.resolve(PlaybookSecretKey.FILE);
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
