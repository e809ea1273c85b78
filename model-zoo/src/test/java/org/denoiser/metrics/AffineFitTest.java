package org.denoiser.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

/** The least-squares gain and offset between two images. */
class AffineFitTest {

    @Test
    void recoversAKnownGainAndOffsetUnderNoise() {
        Random random = new Random(5);
        float[] from = new float[10_000];
        float[] to = new float[from.length];
        for (int i = 0; i < from.length; i++) {
            from[i] = 1000 + 50 * random.nextFloat(); // far from 0: one-pass sums would lose digits here
            to[i] = (float) (2.5 * from[i] - 40 + random.nextGaussian());
        }
        AffineFit fit = AffineFit.of(from, to);
        assertEquals(2.5, fit.gain(), 0.01);
        assertEquals(-40, fit.offset(), 15);
        assertEquals(2.5 * 1010 - 40, fit.apply(1010), 0.5);
    }

    @Test
    void aConstantImageFitsToTheMeanOfTheOther() {
        AffineFit fit = AffineFit.of(new float[] {3, 3, 3}, new float[] {1, 2, 6});
        assertEquals(3, fit.apply(3), 1e-6);
    }

    @Test
    void imagesAreFittedPixelByPixelAndMustMatchInSize() {
        Img<FloatType> from = ArrayImgs.floats(new float[] {0, 1, 2, 3}, 2, 2);
        Img<FloatType> to = ArrayImgs.floats(new float[] {1, 3, 5, 7}, 2, 2);
        Img<FloatType> fitted = ArrayImgs.floats(2, 2);
        AffineFit.of(from, to).applyInto(from, fitted);
        assertEquals(7, fitted.getAt(1, 1).get(), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> AffineFit.of(from, ArrayImgs.floats(4, 1)));
        assertThrows(IllegalArgumentException.class, () -> AffineFit.of(new float[0], new float[0]));
    }
}
