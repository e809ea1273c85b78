package org.denoiser.metrics;

import java.util.Arrays;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Aperture photometry as astronomers and microscopists do it by hand: the sum of the pixels in a
 * circle minus the local sky (median of an annulus, robust to neighbouring sources) times the
 * number of pixels summed. Used to check that denoising keeps the flux of every source.
 */
public final class AperturePhotometry {
    private AperturePhotometry() {
    }

    /** Background-subtracted flux of the source at {@code aperture} in a 2-D image. */
    public static double flux(RandomAccessibleInterval<? extends RealType<?>> image, Aperture aperture) {
        if (image.numDimensions() != 2) {
            throw new IllegalArgumentException("photometry needs a 2-D image, got " + image.numDimensions() + " axes");
        }
        RandomAccess<? extends RealType<?>> access = image.randomAccess();
        double sum = 0;
        long inside = 0;
        double[] sky = new double[annulusCapacity(aperture)];
        int skyCount = 0;
        int reach = (int) Math.ceil(aperture.skyOuter());
        long x0 = Math.max(image.min(0), (long) Math.floor(aperture.x()) - reach);
        long x1 = Math.min(image.max(0), (long) Math.floor(aperture.x()) + reach + 1);
        long y0 = Math.max(image.min(1), (long) Math.floor(aperture.y()) - reach);
        long y1 = Math.min(image.max(1), (long) Math.floor(aperture.y()) + reach + 1);
        for (long y = y0; y <= y1; y++) {
            for (long x = x0; x <= x1; x++) {
                double r = Math.hypot(x - aperture.x(), y - aperture.y());
                if (r <= aperture.radius()) {
                    access.setPosition(new long[] {x, y});
                    sum += access.get().getRealDouble();
                    inside++;
                } else if (r >= aperture.skyInner() && r <= aperture.skyOuter()) {
                    access.setPosition(new long[] {x, y});
                    sky[skyCount++] = access.get().getRealDouble();
                }
            }
        }
        if (inside == 0 || skyCount == 0) {
            throw new IllegalArgumentException("aperture at (" + aperture.x() + ", " + aperture.y()
                    + ") has no pixels inside the image for the source or the sky");
        }
        return sum - inside * median(sky, skyCount);
    }

    private static int annulusCapacity(Aperture aperture) {
        int side = 2 * (int) Math.ceil(aperture.skyOuter()) + 3;
        return side * side;
    }

    private static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }
}
