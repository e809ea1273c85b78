package org.denoiser.cli;

import java.util.stream.Stream;
import org.denoiser.noise.NoiseModel;
import org.denoiser.noise.NoiseModels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Which synthetic noise to add: exactly one of the forms, in the image's own units. The specs are
 * parsed while the command line is parsed, so a bad one is a usage error (exit 2) before any model
 * or image is loaded.
 */
final class NoiseOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; image i uses seed + i. Default: ${DEFAULT-VALUE}.")
    long seed;

    static final class Choice {
        @Option(names = "--noise", paramLabel = "SPEC", converter = Spec.class,
                description = "gaussian:SIGMA, poisson-gauss:GAIN,READ or salt-pepper:DENSITY")
        NoiseModel spec;

        @Option(names = "--gaussian", paramLabel = "SIGMA", converter = Gaussian.class,
                description = "Gaussian noise of this standard deviation.")
        NoiseModel gaussian;

        @Option(names = "--poisson-gauss", paramLabel = "GAIN,READ", converter = PoissonGauss.class,
                description = "Poisson-Gaussian noise: GAIN image units per photon, READ noise sigma.")
        NoiseModel poissonGauss;

        @Option(names = "--salt-pepper", paramLabel = "DENSITY", converter = SaltPepper.class,
                description = "Fraction of pixels set to 0 or 255.")
        NoiseModel saltPepper;
    }

    boolean given() {
        return choice != null;
    }

    NoiseModel model() {
        if (choice == null) {
            throw new IllegalArgumentException("say which noise to add: --noise SPEC, --gaussian, --poisson-gauss or --salt-pepper");
        }
        return Stream.of(choice.spec, choice.gaussian, choice.poissonGauss, choice.saltPepper)
                .filter(model -> model != null).findFirst().orElseThrow();
    }

    /** Parses an option's value as a noise spec, with the noise name the option implies. */
    private abstract static class SpecConverter implements ITypeConverter<NoiseModel> {
        private final String prefix;

        SpecConverter(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public NoiseModel convert(String value) {
            try {
                return NoiseModels.parse(prefix + value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Spec extends SpecConverter {
        Spec() {
            super("");
        }
    }

    static final class Gaussian extends SpecConverter {
        Gaussian() {
            super("gaussian:");
        }
    }

    static final class PoissonGauss extends SpecConverter {
        PoissonGauss() {
            super("poisson-gauss:");
        }
    }

    static final class SaltPepper extends SpecConverter {
        SaltPepper() {
            super("salt-pepper:");
        }
    }
}
