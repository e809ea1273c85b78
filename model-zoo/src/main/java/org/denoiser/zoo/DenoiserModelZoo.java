package org.denoiser.zoo;

import ai.djl.repository.Repository;
import ai.djl.repository.zoo.ModelZoo;
import java.nio.file.Path;
import java.util.Set;
import org.denoiser.api.ModelInfo;

/** The DJL model zoo of group {@code denoise}: one loader per model in a {@link ModelCatalog}. */
public final class DenoiserModelZoo extends ModelZoo {
    public static final String GROUP = "denoise";

    public DenoiserModelZoo(ModelCatalog catalog, Path cacheRoot) {
        Repository repository = Repository.newInstance("denoiser-cache", cacheRoot);
        for (ModelInfo info : catalog.list()) {
            addModel(new CatalogModelLoader(catalog.get(info.id()), cacheRoot, repository));
        }
    }

    @Override
    public String getGroupId() {
        return GROUP;
    }

    @Override
    public Set<String> getSupportedEngines() {
        return Set.of(CatalogModelLoader.ENGINE);
    }
}
