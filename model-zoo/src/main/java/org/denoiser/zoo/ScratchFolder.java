package org.denoiser.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary folder for intermediate files (a model exported before it is installed), removed
 * with everything in it on close, whether the work inside succeeded or not.
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path dir;

    public ScratchFolder(String prefix) {
        try {
            this.dir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        FileTrees.deleteIfPresent(dir);
    }
}
