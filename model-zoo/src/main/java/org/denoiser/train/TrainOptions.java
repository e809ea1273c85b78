package org.denoiser.train;

import java.nio.file.Path;

/** What to train and where to write it; {@code steps} is null when the preset's default applies. */
public record TrainOptions(String preset, Path out, Integer steps, Path mnistDir, int reportEvery) {
}
