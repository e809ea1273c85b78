package org.denoiser.classical;

/**
 * The linear map of a plane's min..max onto 0..255, the grey levels BM3D's matching thresholds
 * are published for; noise levels scale with it. A constant plane maps with scale 1.
 */
record GreyLevels(float min, float scale) {

    static GreyLevels of(float[] plane) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : plane) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new GreyLevels(min, max > min ? 255f / (max - min) : 1f);
    }

    float[] toGrey(float[] plane) {
        float[] out = new float[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = (plane[i] - min) * scale;
        }
        return out;
    }

    float[] fromGrey(float[] grey) {
        float[] out = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            out[i] = grey[i] / scale + min;
        }
        return out;
    }
}
