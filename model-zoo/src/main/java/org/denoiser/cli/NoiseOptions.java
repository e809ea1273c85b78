package org.denoiser.cli;

import org.denoiser.noise.NoiseModel;
import org.denoiser.noise.NoiseModels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which synthetic noise to add: exactly one of the forms, in the image's own units. */
final class NoiseOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; image i uses seed + i. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--clip-noisy", description = "Clip noisy values to the pixel type's range (as the MNIST seed example does).")
    boolean clipNoisy;

    static final class Choice {
        @Option(names = "--noise", paramLabel = "SPEC",
                description = "gaussian:SIGMA, poisson-gauss:GAIN,READ or salt-pepper:DENSITY")
        String spec;

        @Option(names = "--gaussian", paramLabel = "SIGMA", description = "Gaussian noise of this standard deviation.")
        Double gaussian;

        @Option(names = "--poisson-gauss", paramLabel = "GAIN,READ", description = "Poisson-Gaussian noise.")
        String poissonGauss;

        @Option(names = "--salt-pepper", paramLabel = "DENSITY", description = "Fraction of pixels set to 0 or 255.")
        Double saltPepper;
    }

    boolean given() {
        return choice != null;
    }

    NoiseModel model() {
        if (choice == null) {
            throw new IllegalArgumentException("say which noise to add: --noise SPEC, --gaussian, --poisson-gauss or --salt-pepper");
        }
        if (choice.spec != null) {
            return NoiseModels.parse(choice.spec);
        }
        if (choice.gaussian != null) {
            return NoiseModels.parse("gaussian:" + choice.gaussian);
        }
        if (choice.poissonGauss != null) {
            return NoiseModels.parse("poisson-gauss:" + choice.poissonGauss);
        }
        return NoiseModels.parse("salt-pepper:" + choice.saltPepper);
    }
}
