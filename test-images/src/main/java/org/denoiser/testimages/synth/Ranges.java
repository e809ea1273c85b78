package org.denoiser.testimages.synth;

import java.util.SplittableRandom;

/** Uniform draws in a range, the one thing SplittableRandom spells awkwardly for doubles. */
final class Ranges {

    private Ranges() {
    }

    static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** How many objects of a kind to place: one per {@code pixelsPerObject}, at least {@code min}. */
    static int countFor(int width, int height, double pixelsPerObject, int min) {
        return Math.max(min, (int) Math.round((double) width * height / pixelsPerObject));
    }
}
