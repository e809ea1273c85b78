package org.denoiser.zoo;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;

/**
 * The one entry point for finding and loading models by id, for front ends and the CLI.
 *
 * <p>Loading goes through DJL's {@link Criteria} with our zoo passed in explicitly, and with the
 * thread's context class loader set to the one that loaded this class. Plugin hosts such as Fiji
 * run commands with a context class loader that cannot see DJL's engine or our zoo, and DJL's
 * service lookups would then fail with "engine not found".
 */
public final class ModelRepository {
    private final ModelCatalog catalog;
    private final DenoiserModelZoo zoo;
    private final Path cacheRoot;

    public ModelRepository(ModelCatalog catalog, Path cacheRoot) {
        this.catalog = catalog;
        this.cacheRoot = cacheRoot;
        this.zoo = new DenoiserModelZoo(catalog, cacheRoot);
    }

    /** Bundled models plus the user's models, unpacked under {@code ~/.denoiser/cache/models}. */
    public static ModelRepository standard() {
        return new ModelRepository(ModelCatalog.standard(), DenoiserHome.cache().resolve("models"));
    }

    public List<ModelInfo> list() {
        return catalog.list();
    }

    /** Models that could not be read, as messages naming the folder and the problem. */
    public List<String> problems() {
        return catalog.problems();
    }

    /** Metadata of one model; {@link org.denoiser.api.UnknownModelException} if there is none. */
    public ModelInfo info(String id) {
        return catalog.get(id).info();
    }

    /**
     * The model's SavedModel folder on disk (unpacked and verified on first use), for reading its
     * weights, e.g. to fine-tune it.
     */
    public Path savedModel(String id) {
        return catalog.get(id).unpack(cacheRoot);
    }

    /** Loads a model for inference; the caller closes it. */
    public ZooModel<NDList, NDList> load(String id) {
        ModelInfo info = info(id);
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelZoo(zoo)
                .optGroupId(info.group())
                .optArtifactId(info.name())
                .optEngine(CatalogModelLoader.ENGINE)
                .build();
        return withOwnClassLoader(() -> {
            try {
                return criteria.loadModel();
            } catch (DenoiseException e) {
                throw e;
            } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
                throw new CorruptModelException("cannot load model " + id + " from " + catalog.get(id).where() + ": "
                        + ManifestParser.firstLine(e.getMessage()), e);
            }
        });
    }

    /** Whether the model came with the denoiser (in its jar) rather than from the user's folder. */
    public boolean bundled(String id) {
        return catalog.get(id).bundled();
    }

    /**
     * Loads the model once, fully verified (every file's hash, then TensorFlow), and closes it.
     *
     * @return the problem in one line naming the model's folder, or empty if the model loads
     */
    public Optional<String> check(String id) {
        try (ZooModel<NDList, NDList> model = load(id)) {
            return Optional.empty();
        } catch (CorruptModelException e) {
            return Optional.of(e.getMessage().replaceAll("\\R", " "));
        }
    }

    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ModelRepository.class.getClassLoader());
        try {
            TensorFlowNatives.ensureInstalled();
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
