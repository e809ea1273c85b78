package org.denoiser.cli;

import org.denoiser.api.Denoiser;
import org.denoiser.api.DenoiseProgress;
import picocli.CommandLine.Option;

/** The options every command that runs a model shares. */
final class ModelOptions {
    static final String DEFAULT_MODEL = "denoise/auto"; // the model picked from each image (api.AutoModel)

    @Option(names = "--model", paramLabel = "ID", defaultValue = DEFAULT_MODEL,
            description = "Model id (see 'denoiser models'). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--tile", paramLabel = "N", defaultValue = "512",
            description = "Largest tile side in pixels; smaller tiles use less memory. Default: ${DEFAULT-VALUE}.")
    int tile;

    @Option(names = "--overlap", paramLabel = "N",
            description = "Pixels of context around each tile. Default: the model's recommended overlap.")
    Integer overlap;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Tiles denoised at once. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--no-flux-restoration",
            description = "16-bit and float images: give the network's output as it is. By default the flux the "
                    + "network takes from faint sources is put back and the background keeps its level.")
    boolean noFluxRestoration;

    @Option(names = "--self-ensemble",
            description = "Denoise every tile in its 8 orientations (mirrored, transposed) and average: a little "
                    + "more noise removed (MODELS.md, Self-ensemble) for 8 times the time.")
    boolean selfEnsemble;

    Denoiser build(DenoiseProgress progress) {
        return builder(model, threads).progress(progress).build();
    }

    /** A denoiser for {@code id} on {@code threads} threads, with these options' tiles and flux setting. */
    Denoiser.Builder builder(String id, int threads) {
        Denoiser.Builder builder = Denoiser.builder().model(id).tileSize(tile).threads(threads)
                .restoreFlux(!noFluxRestoration).selfEnsemble(selfEnsemble);
        if (overlap != null) {
            builder.overlap(overlap);
        }
        return builder;
    }
}
