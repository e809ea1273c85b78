package org.denoiser.api;

import java.nio.file.Path;
import java.util.List;
import org.denoiser.zoo.ClasspathModelSource;
import org.denoiser.zoo.ModelCatalog;
import org.denoiser.zoo.ModelRepository;

/** The models shipped in this jar only (a developer's own ~/.denoiser/models must not change test results). */
final class BundledModels {
    static final String SEED = "denoise/mnist-seed";

    private BundledModels() {}

    static ModelRepository repository() {
        return new ModelRepository(new ModelCatalog(List.of(new ClasspathModelSource(BundledModels.class.getClassLoader()))),
                Path.of(System.getProperty("java.io.tmpdir"), "denoiser-test-cache", "models"));
    }

    static Denoiser.Builder seed() {
        return Denoiser.builder().repository(repository()).model(SEED);
    }
}
