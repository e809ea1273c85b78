package org.denoiser.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;

/**
 * The user's own models folder ({@code ~/.denoiser/models}): installs a trained model so that
 * every front end finds it by id. An install is all or nothing: the model is packed in a hidden
 * staging folder (which listings skip) and moved into place with one rename, so a crash or a full
 * disk never leaves a half-written model where the zoo would list it.
 */
public final class UserModels {
    /** Prefix of the hidden folder an install is packed in; listings skip hidden folders. */
    static final String STAGING_PREFIX = ".installing-";
    private static final String REPLACED = "replaced";

    private final Path root;

    public UserModels(Path root) {
        this.root = root;
    }

    /** {@code ~/.denoiser/models} (or under {@code $DENOISER_HOME}). */
    public static UserModels standard() {
        return new UserModels(DenoiserHome.userModels());
    }

    public Path root() {
        return root;
    }

    /**
     * Checks a new model's name before hours go into training it: lower-case letters, digits,
     * '.', '_' and '-', and not the name of a model shipped in the jar (which would hide it).
     */
    public static void checkName(String name) {
        if (!ModelNames.isValid(name)) {
            throw new DenoiseException("model name '" + name + "' is not allowed: use " + ModelNames.RULE);
        }
        ClasspathModelSource bundled = new ClasspathModelSource(UserModels.class.getClassLoader());
        if (bundled.names().contains(name)) {
            throw new DenoiseException("'" + name + "' is the name of a model shipped with the denoiser; choose another");
        }
    }

    /**
     * Installs the SavedModel in {@code savedModel} as {@code info}'s name, with {@code extraFiles}
     * (e.g. a training report) beside it, replacing an earlier model of that name.
     *
     * @return the installed model's folder
     */
    public Path install(Path savedModel, ModelInfo info, List<Path> extraFiles) {
        checkName(info.name());
        Path target = root.resolve(info.name());
        Path staging = null;
        try {
            Files.createDirectories(root);
            removeLeftovers();
            staging = StaleFolders.create(root, STAGING_PREFIX);
            Path packed = ModelPackager.pack(savedModel, info, staging);
            for (Path file : extraFiles) {
                Files.copy(file, packed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            replace(packed, target, staging);
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new DenoiseException("cannot install model " + info.id() + " into " + root + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteIfPresent(staging);
        }
    }

    /** Moves the old model aside (hidden) first, so at every moment the name holds a whole model or nothing. */
    private static void replace(Path packed, Path target, Path staging) throws IOException {
        Path old = staging.resolve(REPLACED).resolve(target.getFileName());
        if (Files.exists(target)) {
            Files.createDirectories(old.getParent());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(packed, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes the staging folders of installs whose process died (a killed {@code train-self}),
     * by the rule in {@link StaleFolders}. A process killed between the two renames of
     * {@link #replace} left the name empty and the earlier model in its staging folder: that model
     * is put back first, so a crash never loses a model that was installed.
     *
     * @return the staging folders removed
     */
    public List<Path> removeLeftovers() {
        return StaleFolders.clean(root, STAGING_PREFIX, this::restoreReplaced);
    }

    private void restoreReplaced(Path staging) {
        Path replaced = staging.resolve(REPLACED);
        for (String name : new DirectoryModelSource(replaced).names()) {
            Path target = root.resolve(name);
            if (!Files.exists(target)) {
                try {
                    Files.move(replaced.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot restore model " + name + " from " + staging, e);
                }
            }
        }
    }
}
