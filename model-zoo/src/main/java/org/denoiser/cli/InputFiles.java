package org.denoiser.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.FileProblem;

/** The image files of a folder, in a stable order, for commands that take a directory. */
final class InputFiles {
    private InputFiles() {}

    static List<Path> imagesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DenoiseException("not a directory: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> images = files.filter(Files::isRegularFile).filter(InputFiles::looksLikeImage).sorted().toList();
            if (images.isEmpty()) {
                throw new DenoiseException("no PNG, TIFF or FITS images in " + dir);
            }
            return images;
        } catch (IOException e) {
            throw new DenoiseException("cannot list " + dir + ": " + FileProblem.of(e), e);
        }
    }

    private static boolean looksLikeImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".tif") || name.endsWith(".tiff") || name.endsWith(".fits")
                || name.endsWith(".fit") || name.endsWith(".fts");
    }

    static Path createOutputDir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DenoiseException("cannot create output directory " + dir + ": " + FileProblem.of(e), e);
        }
    }
}
