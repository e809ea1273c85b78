package org.denoiser.tiling;

/**
 * What a tile sees beyond the image edge. It must match what the network saw at image edges in
 * training: natural-image patches continue past their edge (mirror), while digits sit on a black
 * background that convolution padding extended with zeros.
 */
public enum Border {
    MIRROR,
    ZERO;

    /** Parses the {@code border} field of model metadata; absent means mirror. */
    public static Border of(String name) {
        return name == null || name.isBlank() ? MIRROR : valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
