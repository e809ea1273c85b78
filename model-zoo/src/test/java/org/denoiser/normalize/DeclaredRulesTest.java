package org.denoiser.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.ModelNormalization.FixedRange;
import org.denoiser.api.ModelNormalization.PercentileHeadroom;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;

/** A model's stated rule, fitted to an image, maps what the rule names to where it says. */
class DeclaredRulesTest {

    /** Each of 0..9999 once, shuffled: percentiles are known exactly, neighbours differ by thousands. */
    private static Img<FloatType> uniform() {
        SplittableRandom random = new SplittableRandom(7);
        float[] values = new float[100 * 100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return ArrayImgs.floats(values, 100, 100);
    }

    @Test
    void percentilesLandOnTheDeclaredTargets() {
        ModelNormalization rules = new ModelNormalization(new FixedRange(0, 255), new FixedRange(0, 65535),
                new PercentileHeadroom(5, 95, 0.25, 0.75, 0.9, 0));
        Normalization map = Normalizations.fit(uniform(), rules);
        assertEquals(0.25, map.forward(500), 0.002, "the 5th percentile of 0..9999");
        assertEquals(0.75, map.forward(9500), 0.002, "the 95th percentile");
        assertEquals(0.9, map.passAbove());
        assertEquals(1.0, map.forward(9999.0 * 2), 0, "beyond the range: clamped for the network");
    }

    @Test
    void theNoiseCapShortensTheSpanToTheDeclaredSigmas() {
        Img<FloatType> image = uniform(); // neighbours differ by thousands: the "noise" is about 2900
        double sigma = NoiseLevel.sigma(image);
        PercentileHeadroom capped = new PercentileHeadroom(5, 95, 0.2, 0.8, 0.95, 2);
        Normalization map = Normalizations.fit(image, new ModelNormalization(capped, capped, capped));
        assertEquals(map.low() + 2 * sigma, map.high(), 1e-6 * sigma, "high = low + 2 sigma, as declared");
    }

    @Test
    void aFixedRangeIsTheSameForEveryImage() {
        ModelNormalization rules = new ModelNormalization(new FixedRange(10, 20), PercentileHeadroom.DEFAULT,
                PercentileHeadroom.DEFAULT);
        Img<UnsignedByteType> dark = ArrayImgs.unsignedBytes(new byte[] {1, 2, 3, 4}, 2, 2);
        Normalization map = Normalizations.fit(dark, rules);
        assertEquals(0, map.forward(10), 0);
        assertEquals(1, map.forward(20), 0);
        assertEquals(Normalization.FIXED_8BIT, Normalizations.fit(dark, ModelNormalization.DEFAULT));
    }

    @Test
    void aPixelTypeNoRuleCoversIsRefusedByName() {
        Img<ByteType> signed = ArrayImgs.bytes(2, 2);
        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> Normalizations.fit(signed, ModelNormalization.DEFAULT));
        assertEquals(true, e.getMessage().contains("ByteType"), e.getMessage());
    }
}
