package org.denoiser.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;

/**
 * Unpacked copies of models, {@code ROOT/NAME/VERSION-HASH/savedmodel/...}, for TensorFlow to load.
 *
 * <p>The folder is named after the model's version <em>and</em> the SHA-1 of its manifest, which
 * lists the SHA-1 of every file, so a rebuilt model always lands in a new folder and can never be
 * shadowed by a stale copy. Name and version were checked by the manifest parser to be plain
 * folder names, so a model's copy stays inside its own folder of the cache.
 *
 * <p>The cache lives outside the jar and anything that writes to the home folder can change it,
 * so a copy is used only if its {@link CacheStamp} matches. Otherwise (no stamp: an older version's
 * copy or an unpack that was killed; a missing, added, resized or rewritten file; files swapped in
 * from another model) the model is unpacked again from its source, hashing every byte.
 */
final class ModelCache {
    static final String UNPACK_PREFIX = ".unpack-";
    private final Path root;

    ModelCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The verified SavedModel folder of {@code model}, unpacked again if the copy does not match. */
    Path savedModel(PackagedModel model) {
        ModelInfo info = model.info();
        Path modelDir = root.resolve(info.name()).normalize();
        Path target = modelDir.resolve(info.version() + "-" + model.manifestSha1().substring(0, 12)).normalize();
        if (!modelDir.getParent().equals(root) || !target.getParent().equals(modelDir)) {
            throw new CorruptModelException("model " + info.id() + " in " + model.where() + " would unpack outside "
                    + root + "; refused"); // the parser forbids such names; checked again where it matters
        }
        // One directory listing per load, so a killed unpack's leftover goes on a later run.
        StaleFolders.clean(modelDir, UNPACK_PREFIX, leftover -> { });
        if (!CacheStamp.matches(target, model.manifest(), model.manifestSha1())) {
            unpack(model, target);
        }
        return target.resolve(PackagedModel.SAVED_MODEL_DIR);
    }

    private void unpack(PackagedModel model, Path target) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = StaleFolders.create(target.getParent(), UNPACK_PREFIX);
            for (String file : model.manifest().files().keySet()) {
                Path out = tmp.resolve(file).normalize();
                if (!out.startsWith(tmp)) {
                    throw new CorruptModelException("model " + model.info().id() + " in " + model.where() + " lists "
                            + ManifestParser.shown(file) + ", outside its folder; refused");
                }
                model.copyVerified(file, out);
            }
            CacheStamp.write(tmp, model.manifest(), model.manifestSha1());
            replace(tmp, target);
        } catch (IOException | UncheckedIOException e) {
            FileTrees.deleteIfPresent(tmp);
            throw new CorruptModelException("cannot unpack model " + model.info().id() + " from " + model.where() + ": "
                    + ManifestParser.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            FileTrees.deleteIfPresent(tmp);
            throw e;
        }
    }

    /** Moves a copy that failed its check aside, then publishes the fresh one in one rename. */
    private static void replace(Path fresh, Path target) throws IOException {
        Path old = fresh.resolveSibling(fresh.getFileName() + "-old");
        try {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException nothingThere) {
            old = null; // first unpack, or another process moved it aside first
        }
        try {
            FileTrees.publish(fresh, target);
        } finally {
            FileTrees.deleteIfPresent(old);
        }
    }
}
