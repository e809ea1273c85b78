package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The macro options string, as the recorder writes it and users edit it. */
class DenoiseOptionsTest {
    @Test
    void readsTheRecordedKeys() {
        DenoiseOptions options = DenoiseOptions.fromMacro("model=denoise/mnist-seed stack tile=256", "x/y");
        assertEquals(new DenoiseOptions("denoise/mnist-seed", true, 256), options);
    }

    @Test
    void defaultsWhenKeysAreMissing() {
        DenoiseOptions options = DenoiseOptions.fromMacro("", "denoise/mnist-seed");
        assertEquals(new DenoiseOptions("denoise/mnist-seed", false, DenoiseOptions.DEFAULT_TILE_SIZE), options);
    }

    @Test
    void stackInsideABracketedValueIsNotTheFlag() {
        DenoiseOptions options = DenoiseOptions.fromMacro("model=[my/model stack ] tile=64", "x/y");
        assertEquals("my/model stack ", options.modelId());
        assertFalse(options.wholeStack());
        assertTrue(DenoiseOptions.hasFlag("tile=64 stack", "stack"));
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException tile = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("model=a/b tile=big", "a/b"));
        assertEquals("tile=big is not a number of pixels", tile.getMessage());
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> DenoiseOptions.fromMacro("stack", ""));
        assertTrue(model.getMessage().startsWith("no model given"), model.getMessage());
    }
}
