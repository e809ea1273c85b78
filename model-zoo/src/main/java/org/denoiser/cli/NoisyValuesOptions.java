package org.denoiser.cli;

import java.nio.file.Path;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.denoiser.io.ImageData;
import org.denoiser.noise.NoisyValues;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What {@code eval} and {@code montage} do to the synthetic noisy image before the model sees it:
 * nothing (the published protocol), clip it, or quantize it as an image file would store it.
 */
final class NoisyValuesOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--clip-noisy", description = "Clip noisy values to the pixel type's range (as the MNIST seed example does).")
        boolean clip;

        @Option(names = "--quantize-noisy", description = "Round noisy values to integers and clip them to the pixel type's "
                + "range (0..255 for 8-bit, 0..65535 for 16-bit), as a camera or an image file stores them; "
                + "integer images only.")
        boolean quantize;
    }

    NoisyValues values() {
        if (choice == null) {
            return NoisyValues.AS_DRAWN;
        }
        return choice.quantize ? NoisyValues.QUANTIZED : NoisyValues.CLIPPED;
    }

    /** {@link #values()} for one clean image; float pixels have no integer steps to quantize to. */
    NoisyValues forImage(Path file, ImageData clean) {
        NoisyValues values = values();
        if (values == NoisyValues.QUANTIZED && clean.type().isFloat()) {
            throw new UnsupportedPixelTypeException("--quantize-noisy needs 8- or 16-bit integer pixels, but "
                    + file.getFileName() + " holds 32-bit floats; leave the option out for float data");
        }
        return values;
    }

    /** ", clipped" or ", quantized" for the report's description of the noise; nothing for the published protocol. */
    String suffix() {
        NoisyValues values = values();
        return values == NoisyValues.AS_DRAWN ? "" : ", " + values.describe();
    }
}
