package org.denoiser.imagej;

import ij.ImagePlus;

/**
 * Where each plane of an ImageJ stack sits: ImageJ orders a hyperstack's planes channel fastest,
 * then slice (z), then frame (t).
 */
record StackLayout(int width, int height, int channels, int slices, int frames) {

    static StackLayout of(ImagePlus imp) {
        return new StackLayout(imp.getWidth(), imp.getHeight(), imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
    }

    int planes() {
        return channels * slices * frames;
    }

    /** The 0-based position in the stack of channel {@code c}, slice {@code z}, frame {@code t} (all 0-based). */
    int index(int c, int z, int t) {
        return c + channels * (z + slices * t);
    }
}
