package dev.vigil.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/**
 * The key playbook secrets are encrypted with, in a file of the data directory beside (not inside)
 * the database, readable by its owner only: made on the first start, read on every later one.
 */
final class PlaybookSecretKey {
    static final String FILE = "playbook-secrets.key";

    private PlaybookSecretKey() {
    }

    static byte[] load(Path dataDirectory, java.util.function.Supplier<byte[]> newKey) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = newKey.get();
                try {
                    // made owner-only as it is created, so that the key is never readable by others, even for a moment
                    FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                            : new FileAttribute<?>[0];
                    try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
                        ByteBuffer encoded = ByteBuffer.wrap(Base64.getEncoder().encode(key));
                        while (encoded.hasRemaining()) {
                            channel.write(encoded);
                        }
                    }
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile: read below
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the playbook secrets key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the playbook secrets key " + file + " is not base64 text", e);
        }
    }

}
