package org.denoiser.testimages.synth;

/**
 * One 2-D plane inside a larger flat pixel array (x fastest, then y), so that a frame of a
 * time-lapse can be drawn on without copying. Callers keep coordinates inside the plane.
 */
record Plane(float[] pixels, int start, int width, int height) {

    void add(int x, int y, double value) {
        pixels[start + y * width + x] += (float) value;
    }
}
