package org.denoiser.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Publishing unpacked directories atomically, and removing the leftovers of an interrupted unpack. */
final class FileTrees {
    private FileTrees() {}

    /**
     * Renames a fully written {@code tmp} directory to {@code target} in one step. If another
     * process published {@code target} first, the rename fails (the target is not empty) and its
     * copy is kept: both hold the same verified content.
     */
    static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            deleteIfPresent(tmp);
        }
    }

    /** Removes {@code root} and everything under it; nothing happens if it is {@code null} or gone. */
    static void deleteIfPresent(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary directory " + root, e);
        }
    }
}
