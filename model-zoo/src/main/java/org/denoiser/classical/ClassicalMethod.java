package org.denoiser.classical;

import java.util.List;
import org.denoiser.api.NoiseSetting;
import org.denoiser.api.UnknownModelException;

/**
 * A classical denoiser of one gray plane, run by {@code eval} and {@code bench} where they run a
 * model (under an id such as {@code classical/bm3d}). Thread-safe; the noise level it used on
 * every plane so far is summarised by {@link #noiseUsed()}.
 */
public interface ClassicalMethod {
    String PREFIX = "classical/";
    /** BM3D for Gaussian noise: sigma given ({@code --sigma}) or estimated per plane. */
    String BM3D = PREFIX + "bm3d";
    /** BM3D between a generalized Anscombe transform and its inverse, Poisson-Gaussian noise fitted per plane. */
    String VST_BM3D = PREFIX + "vst-bm3d";
    List<String> IDS = List.of(BM3D, VST_BM3D);

    String id();

    /**
     * Denoises a row-major plane. {@code eightBit}: the values are grey levels of an 8-bit image,
     * the units BM3D's matching thresholds are set in; other planes are mapped from their range to
     * 0..255 and back around BM3D.
     *
     * @throws UnmeasurableNoiseException when the noise is to be estimated and the plane shows none
     */
    float[] denoisePlane(float[] pixels, int width, int height, boolean eightBit);

    /** The noise levels used so far, in one line (e.g. "sigma 25 given"). */
    String noiseUsed();

    static boolean isClassical(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /**
     * The method {@code id} told {@code setting} (a strength multiplies the noise level BM3D is
     * given; a sigma is taken as the Gaussian noise's, for {@link #BM3D} only), on {@code threads}
     * threads.
     */
    static ClassicalMethod create(String id, NoiseSetting setting, int threads) {
        Bm3d bm3d = new Bm3d(threads);
        if (BM3D.equals(id)) {
            return new Bm3dMethod(bm3d, setting);
        }
        if (VST_BM3D.equals(id)) {
            if (!setting.estimated()) {
                throw new IllegalArgumentException(VST_BM3D + " fits Poisson-Gaussian noise to each plane; a --sigma is for "
                        + BM3D);
            }
            return new VstBm3d(bm3d, setting.strength());
        }
        throw new UnknownModelException("unknown classical method '" + id + "'; known: " + String.join(", ", IDS));
    }
}
