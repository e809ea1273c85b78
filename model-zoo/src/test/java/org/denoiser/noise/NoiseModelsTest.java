package org.denoiser.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseModelsTest {

    @Test
    void parsesEachForm() {
        assertEquals(new GaussianNoise(25), NoiseModels.parse("gaussian:25"));
        assertEquals(new PoissonGaussianNoise(2, 5.5), NoiseModels.parse("poisson-gauss:2,5.5"));
        assertEquals(new SaltAndPepperNoise(0.05, 0, 255), NoiseModels.parse("salt-pepper:0.05"));
        assertEquals(new SaltAndPepperNoise(0.1, -1, 1), NoiseModels.parse(" Salt-Pepper: 0.1, -1, 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian:25", "poisson-gauss:0.5,3", "salt-pepper:0.05,0,65535"})
    void describeGivesTheSpecBack(String spec) {
        NoiseModel model = NoiseModels.parse(spec);
        assertEquals(spec, model.describe());
        assertEquals(model, NoiseModels.parse(model.describe()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gaussian", "gauss:25", "gaussian:", "gaussian:abc", "gaussian:-1",
        "gaussian:NaN", "gaussian:1,2", "poisson-gauss:1", "poisson-gauss:0,1",
        "salt-pepper:2", "salt-pepper:0.1,0", "gaussian:Infinity", "gaussian:1e31", "poisson-gauss:NaN,0",
        "poisson-gauss:-2,0", "poisson-gauss:1,-1", "poisson-gauss:1e31,0", "poisson-gauss:1,1e31",
        "salt-pepper:NaN", "salt-pepper:0.1,0,1e39", "salt-pepper:0.1,-Infinity,1"})
    void badSpecsNameTheProblemAndListTheValidForms(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoiseModels.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("gaussian:SIGMA"), e.getMessage());
        assertTrue(e.getMessage().contains("poisson-gauss:GAIN,READ_NOISE"), e.getMessage());
        assertTrue(e.getMessage().contains("salt-pepper:DENSITY"), e.getMessage());
    }

    @Test
    void aGainThatPutsMoreThanABillionPhotonsInAPixelIsAnErrorNotADarkImage() {
        NoiseModel tiny = NoiseModels.parse("poisson-gauss:1e-17,0");
        SeededRandom random = new SeededRandom(1);
        assertEquals(0f, tiny.noisy(0, random), "no photons where the image is black");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.noisy(255, random));

        assertEquals("noise poisson-gauss:0.00000000000000001,0 does not fit the image: a pixel of value 255 would hold 2.55e+19 "
                + "photons, more than the 1000000000 simulated (a camera pixel holds about 1e5); use a larger gain", e.getMessage());
    }

    @Test
    void theLargestPhotonCountStillGivesUnbiasedShotNoise() {
        NoiseModel model = NoiseModels.parse("poisson-gauss:1e-7,0"); // 255 -> 2.55e9 photons: too many
        assertThrows(IllegalArgumentException.class, () -> model.noisy(255, new SeededRandom(2)));
        NoiseModel justFits = NoiseModels.parse("poisson-gauss:2.55e-7,0"); // exactly 1e9 photons at 255
        SeededRandom random = new SeededRandom(3);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            sum += justFits.noisy(255, random) - 255.0;
        }
        // Shot noise sigma is sqrt(gain * value) = 8.1e-3 of a grey level; float rounding near 255 is 1.5e-5.
        assertEquals(0, sum / n, 1e-3);
    }

    @Test
    void nullSpecIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NoiseModels.parse(null));
    }
}
