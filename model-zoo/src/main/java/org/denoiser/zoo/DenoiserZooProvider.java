package org.denoiser.zoo;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;

/** Registered through {@code META-INF/services} so plain DJL {@code Criteria} find our models. */
public final class DenoiserZooProvider implements ZooProvider {
    @Override
    public String getName() {
        return "denoiser";
    }

    @Override
    public ModelZoo getModelZoo() {
        return new DenoiserModelZoo(ModelCatalog.standard(), DenoiserHome.cache().resolve("models"));
    }
}
