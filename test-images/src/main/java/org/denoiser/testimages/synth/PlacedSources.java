package org.denoiser.testimages.synth;

import java.util.List;

/**
 * A noise-free scene in expected photo-electrons per pixel, x fastest, with every object that
 * photometry should measure.
 *
 * @param electrons {@code width * height} expected electrons
 * @param sources the stars, galaxies or cells drawn, brightest last
 */
public record PlacedSources(float[] electrons, int width, int height, List<KnownSource> sources) {

    public PlacedSources {
        sources = List.copyOf(sources);
    }
}
