package org.denoiser.testimages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.testimages.noise.CameraModel;

/** Pixel statistics the generator tests share: values in flat order, median, correlation, PSNR, camera noise. */
final class Pixels {

    private Pixels() {
    }

    static double[] values(RandomAccessibleInterval<? extends RealType<?>> img) {
        double[] out = new double[(int) Intervals.numElements(img)];
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(img).cursor();
        for (int i = 0; i < out.length; i++) {
            out[i] = cursor.next().getRealDouble();
        }
        return out;
    }

    static double[] plane(RandomAccessibleInterval<? extends RealType<?>> img, int dimension, long position) {
        return values(Views.hyperSlice(img, dimension, position));
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double correlation(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElseThrow();
        double meanB = Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** PSNR of noisy against clean with the clean image's min..max as data range, as the project's 16/32-bit figures. */
    static double psnr(CleanNoisyPair<?> pair) {
        double[] clean = values(pair.clean());
        double[] noisy = values(pair.noisy());
        double range = max(clean) - Arrays.stream(clean).min().orElseThrow();
        double squares = 0;
        for (int i = 0; i < clean.length; i++) {
            squares += (noisy[i] - clean[i]) * (noisy[i] - clean[i]);
        }
        return 10 * Math.log10(range * range / (squares / clean.length));
    }

    /**
     * Pixel by pixel, (noisy - truth) / expected sigma must have mean 0 and variance 1, where the
     * expected variance is gain * signal + read^2 (+ 1/12 for rounding to integers).
     */
    static void assertMatchesCamera(CleanNoisyPair<?> pair, CameraModel camera, double roundingVariance) {
        double[] truth = values(pair.truth());
        double[] noisy = values(pair.noisy());
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < truth.length; i++) {
            double signal = truth[i] - camera.offset();
            double sigma = Math.sqrt(camera.gain() * signal + camera.readNoise() * camera.readNoise() + roundingVariance);
            double z = (noisy[i] - truth[i]) / sigma;
            sum += z;
            sumSq += z * z;
        }
        double meanZ = sum / truth.length;
        double varianceZ = sumSq / truth.length - meanZ * meanZ;
        assertEquals(0, meanZ, 5 / Math.sqrt(truth.length), "noise is unbiased");
        assertEquals(1, varianceZ, 5 * Math.sqrt(2.0 / truth.length), "noise variance = gain*signal + read^2");
    }
}
