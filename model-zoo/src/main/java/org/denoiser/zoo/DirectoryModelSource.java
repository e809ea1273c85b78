package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.denoiser.api.CorruptModelException;

/**
 * Models in a folder on disk, such as the user's own trained models in {@code ~/.denoiser/models}.
 *
 * <p>Every file is opened through its real path and must lie inside the real path of its model
 * folder: a manifest entry or a symbolic link that leads elsewhere (to {@code /etc/passwd}, to
 * another model) is refused. Only regular files are read, so a named pipe or a device placed in
 * a model folder cannot block or flood a run.
 */
public final class DirectoryModelSource implements ModelSource {
    private final Path root;

    public DirectoryModelSource(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /**
     * Every visible sub-folder, whether or not it holds a {@code model.json}: a folder without one
     * is then reported by name instead of silently vanishing from the listing.
     */
    @Override
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            // hidden folders are installs in progress or replaced models on their way out
            return dirs.filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models in " + root, e);
        }
    }

    @Override
    public InputStream open(String name, String relativePath) throws IOException {
        Path folder = modelFolder(name).toRealPath();
        Path file = folder.resolve(relativePath).toRealPath();
        if (!file.startsWith(folder)) {
            throw new CorruptModelException("model folder " + folder + " lists " + ManifestParser.shown(relativePath)
                    + ", which leads outside the folder; refused");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CorruptModelException("model folder " + folder + ": " + ManifestParser.shown(relativePath)
                    + " is not a regular file; refused");
        }
        // NOFOLLOW: the real path was resolved above, so a link swapped in since then is refused too.
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    private Path modelFolder(String name) {
        Path folder = root.resolve(name).normalize();
        if (!root.normalize().equals(folder.getParent())) {
            throw new CorruptModelException("'" + ManifestParser.shown(name) + "' is not a model folder name in " + root);
        }
        return folder;
    }
}
