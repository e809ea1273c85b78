package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Models in a folder on disk, such as the user's own trained models in {@code ~/.denoiser/models}. */
public final class DirectoryModelSource implements ModelSource {
    private final Path root;

    public DirectoryModelSource(Path root) {
        this.root = root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            // hidden folders are installs in progress or replaced models on their way out
            return dirs.filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve(ModelManifest.FILE_NAME)))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models in " + root, e);
        }
    }

    @Override
    public InputStream open(String name, String relativePath) throws IOException {
        return Files.newInputStream(root.resolve(name).resolve(relativePath));
    }
}
