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
        "salt-pepper:2", "salt-pepper:0.1,0"})
    void badSpecsNameTheProblemAndListTheValidForms(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoiseModels.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("gaussian:SIGMA"), e.getMessage());
        assertTrue(e.getMessage().contains("poisson-gauss:GAIN,READ_NOISE"), e.getMessage());
        assertTrue(e.getMessage().contains("salt-pepper:DENSITY"), e.getMessage());
    }

    @Test
    void nullSpecIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NoiseModels.parse(null));
    }
}
