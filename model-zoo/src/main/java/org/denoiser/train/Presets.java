package org.denoiser.train;

import java.nio.file.Path;
import java.util.List;
import org.denoiser.api.UnknownModelException;

/** The presets the command line knows by name. */
public final class Presets {

    /** A seconds-long run on generated digits: checks the whole pipeline without downloading data. */
    public static final String SYNTHETIC_SMOKE = "synthetic-smoke";

    private Presets() {
    }

    public static List<String> names() {
        return List.of(MnistSeedPreset.NAME, SYNTHETIC_SMOKE);
    }

    public static Preset byName(String name, Path mnistCacheDir) {
        if (MnistSeedPreset.NAME.equals(name)) {
            return MnistSeedPreset.create(mnistCacheDir);
        }
        if (SYNTHETIC_SMOKE.equals(name)) {
            return syntheticSmoke();
        }
        throw new UnknownModelException("unknown training preset '" + name + "'; known presets: " + names());
    }

    static Preset syntheticSmoke() {
        return new Preset(SYNTHETIC_SMOKE, new ConvAutoencoder(8), new SyntheticDigits(400, 5),
                new ClippedGaussianNoise(0.5f), Loss.BINARY_CROSS_ENTROPY, 32, 60, 3e-3f, 5);
    }
}
