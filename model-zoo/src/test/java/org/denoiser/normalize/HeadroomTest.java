package org.denoiser.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** The 16/32/64-bit map: headroom, the noise cap, and pixels passed around the network. */
class HeadroomTest {

    /** Sky 100 with Gaussian noise sigma 10, and a star core at 1e7: a 1e5:1 range. */
    private static ArrayImg<DoubleType, ?> skyWithBrightCore() {
        ArrayImg<DoubleType, ?> img = ArrayImgs.doubles(200, 200);
        SplittableRandom random = new SplittableRandom(3);
        img.forEach(p -> p.set(100 + 10 * random.nextGaussian()));
        for (int y = 90; y < 110; y++) {
            for (int x = 90; x < 110; x++) {
                img.getAt(x, y).set(1e7 * Math.exp(-((x - 100) * (x - 100) + (y - 100) * (y - 100)) / 20.0));
            }
        }
        return img;
    }

    @Test
    void noiseLevelOfGaussianNoiseIsWithinFivePercent() {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(300, 300);
        SplittableRandom random = new SplittableRandom(1);
        img.forEach(p -> p.set((float) (500 + 7 * random.nextGaussian())));
        assertEquals(7, NoiseLevel.sigma(img), 0.35);
    }

    @Test
    void spanIsCappedAtFiftyNoiseSigmasForAHugeRange() {
        ArrayImg<DoubleType, ?> img = skyWithBrightCore();
        Normalization n = Normalizations.fit(img);
        double sigma = NoiseLevel.sigma(img);
        assertEquals(10, sigma, 0.6);
        assertEquals(Normalizations.MAX_SPAN_IN_NOISE_SIGMAS * sigma, n.high() - n.low(), 1e-6);
        // The sky's noise reaches the network at about 0.012 of its range, not 1e-6.
        double skyNoiseInNetworkUnits = 10 * (n.top() - n.base()) / n.scale();
        assertTrue(skyNoiseInNetworkUnits > 0.01, "sky noise " + skyNoiseInNetworkUnits);
    }

    @Test
    void aFittedMapCarriesTheNoiseItMeasuredOnItsImage() {
        ArrayImg<DoubleType, ?> img = skyWithBrightCore();
        assertEquals(NoiseLevel.sigma(img), Normalizations.fit(img).noiseSigma(), 0, "the same estimate, bit for bit");
        // a plane as a decoded file holds it, with channel and page axes of size 1: same pixels, same figure
        assertEquals(NoiseLevel.sigma(img), Normalizations.fit(Views.addDimension(img, 0, 0)).noiseSigma(), 0);
        assertFalse(Normalizations.fit(ArrayImgs.unsignedBytes(8, 8)).hasMeasuredNoise(), "the 8-bit map measures none");
        assertFalse(Normalization.withHeadroom(0, 100, 0.5f).hasMeasuredNoise(), "nor does a map built by hand");
    }

    @Test
    void networkInputStaysInZeroToOneForAnyRange() {
        ArrayImg<DoubleType, ?> img = skyWithBrightCore();
        img.getAt(0, 0).set(-1e6); // a dead pixel far below the sky
        Normalization n = Normalizations.fit(img);
        for (FloatType v : n.forwardView(img)) {
            assertTrue(v.get() >= 0 && v.get() <= 1, "network input " + v.get());
        }
    }

    @Test
    void pixelsBeyondTheRangeComeBackExactlyWhateverTheNetworkSays() {
        ArrayImg<DoubleType, ?> img = skyWithBrightCore();
        img.getAt(0, 0).set(-1e6);
        Normalization n = Normalizations.fit(img);
        ArrayImg<FloatType, ?> plateau = ArrayImgs.floats(200, 200);
        plateau.forEach(p -> p.set(0.6f)); // a network that flattens everything
        ArrayImg<DoubleType, ?> back = ArrayImgs.doubles(200, 200);
        n.inverseInto(plateau, img, back);
        assertEquals(1e7, back.getAt(100, 100).get(), 0, "the core keeps its value and flux");
        assertEquals(-1e6, back.getAt(0, 0).get(), 0);
        assertEquals(n.inverse(0.6f), back.getAt(5, 5).get(), 1e-9, "the sky takes the network's value");
    }

    @Test
    void correctionFadesOutSmoothlyTowardsTheTop() {
        Normalization n = Normalization.withHeadroom(0, 100, 0.5f); // 0 -> 0.2, 100 -> 0.8
        double previous = Double.NEGATIVE_INFINITY;
        // Original values across the fade band, each with the network lowering it by 0.01.
        for (double original = 90; original <= 130; original += 1) {
            float out = (float) (n.forward(original) - 0.01);
            double back = n.inverse(out, original);
            double correction = original - back;
            assertTrue(correction >= -1e-4 && correction <= 0.01 / 0.6 * 100 + 1e-4, "correction " + correction);
            assertTrue(back >= previous, "output must rise with input: " + back + " after " + previous);
            previous = back;
        }
        assertEquals(130, n.inverse((float) (n.forward(130) - 0.01), 130), 0, "beyond 0.95: untouched");
        assertEquals(50 - 0.01 / 0.6 * 100, n.inverse((float) (n.forward(50) - 0.01), 50), 1e-4, "in range: denoised");
    }

    @Test
    void plainMapIsUnchangedForEightBit() {
        Normalization n = Normalization.FIXED_8BIT;
        assertEquals(false, n.hasHeadroom());
        assertEquals(1f, n.forward(255));
        assertEquals(300 / 255f * 255, n.inverse(300 / 255f, 0), 1e-3, "no clamping, no pass-through");
    }
}
