package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.denoiser.api.AutoModel;
import org.junit.jupiter.api.Test;

/** The macro options string, as the recorder writes it and users edit it. */
class DenoiseOptionsTest {
    @Test
    void readsTheRecordedKeys() {
        DenoiseOptions options = DenoiseOptions.fromMacro("model=denoise/mnist-seed stack tile=256");
        assertEquals(new DenoiseOptions("denoise/mnist-seed", true, 256), options);
    }

    @Test
    void missingKeysMeanTheAutomaticModelThePlaneOnDisplayAndDefaultTiles() {
        DenoiseOptions options = DenoiseOptions.fromMacro("");
        assertEquals(new DenoiseOptions(AutoModel.ID, false, DenoiseOptions.DEFAULT_TILE_SIZE), options);
    }

    @Test
    void stackInsideABracketedValueIsNotTheFlag() {
        DenoiseOptions options = DenoiseOptions.fromMacro("model=[my/model stack ] tile=64");
        assertEquals("my/model stack ", options.modelId());
        assertFalse(options.wholeStack());
        assertTrue(MacroOptions.hasFlag("tile=64 stack", "stack"));
    }

    @Test
    void aMisspeltKeyIsAnErrorListingTheValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("modle=denoise/poisson-gauss stack"));
        assertEquals("unknown key 'modle'; valid keys: model=<id>, stack, tile=<pixels>, strength=<factor>, flux=false, ensemble",
                e.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("Model=a/b stack tiles=3"));
        assertTrue(two.getMessage().startsWith("unknown keys 'Model', 'tiles';"), two.getMessage());
    }

    @Test
    void keysAreTheWordsBeforeEqualsAndTheFlags() {
        assertEquals(List.of("model", "stack", "tile"), MacroOptions.keys(" model=[a b=c] stack tile=5 "));
        assertEquals(List.of(), MacroOptions.keys(""));
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException tile = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("model=a/b tile=big"));
        assertEquals("tile=big is not a number of pixels", tile.getMessage());
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("model=[ ]"));
        assertTrue(model.getMessage().startsWith("no model given"), model.getMessage());
        IllegalArgumentException strength = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("model=a/b strength=lots"));
        assertEquals("strength must be a number from 0.05 to 10.0, got 'lots'", strength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DenoiseOptions.fromMacro("model=a/b strength=0"));
    }

    @Test
    void fluxRestorationIsOnUnlessTheMacroSaysFluxFalse() {
        assertTrue(DenoiseOptions.fromMacro("model=denoise/poisson-gauss stack").restoreFlux(), "a macro from before the key");
        assertTrue(DenoiseOptions.fromMacro("model=denoise/poisson-gauss flux=true").restoreFlux());
        DenoiseOptions off = DenoiseOptions.fromMacro("model=denoise/poisson-gauss stack flux=false");
        assertFalse(off.restoreFlux());
        assertFalse(off.planeOnly().restoreFlux(), "the preview follows the checkbox");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("model=a/b flux=flase"));
        assertEquals("flux=flase must be true or false (flux=false turns flux restoration off)", typo.getMessage());
    }

    @Test
    void theEnsembleIsAFlagThatIsOffUnlessWritten() {
        assertFalse(DenoiseOptions.fromMacro("model=denoise/gaussian-gray stack").selfEnsemble());
        assertFalse(DenoiseOptions.fromMacro("model=[my ensemble model] stack").selfEnsemble(), "inside a bracketed value");
        DenoiseOptions on = DenoiseOptions.fromMacro("model=denoise/auto ensemble stack");
        assertTrue(on.selfEnsemble());
        assertTrue(on.planeOnly().selfEnsemble(), "the preview follows the checkbox");
        assertTrue(on.withModelId("denoise/photo-gray").selfEnsemble(), "and so does the model auto picks");
    }

    @Test
    void theStrengthIsReadAndDefaultsToOne() {
        assertEquals(1.5, DenoiseOptions.fromMacro("model=denoise/poisson-gauss-nl strength=1.5").strength());
        assertEquals(1, DenoiseOptions.fromMacro("model=denoise/poisson-gauss-nl").strength());
    }
}
