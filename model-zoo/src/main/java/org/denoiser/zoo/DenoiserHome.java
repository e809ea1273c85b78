package org.denoiser.zoo;

import java.nio.file.Path;

/**
 * Where the denoiser keeps files of its own: {@code $DENOISER_HOME}, or {@code ~/.denoiser}.
 * {@code cache/} holds what can be rebuilt from the jars (natives, unpacked models);
 * {@code models/} holds models the user trained.
 */
public final class DenoiserHome {
    private DenoiserHome() {}

    public static Path root() {
        String configured = System.getProperty("denoiser.home", System.getenv("DENOISER_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".denoiser");
    }

    public static Path cache() {
        return root().resolve("cache");
    }

    public static Path userModels() {
        return root().resolve("models");
    }
}
