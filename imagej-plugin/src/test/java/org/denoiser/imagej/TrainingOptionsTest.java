package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.denoiser.zoo.UserModels;
import org.junit.jupiter.api.Test;

/** The Train on this image... options as a macro writes them, and default names that are valid. */
class TrainingOptionsTest {
    @Test
    void theDocumentedMacroLine() {
        TrainingOptions options = TrainingOptions.fromMacro("name=my-cells minutes=5 init=denoise/poisson-gauss", "x.tif");
        assertEquals(new TrainingOptions("my-cells", 5, Optional.of("denoise/poisson-gauss"), true, OptionalInt.empty()),
                options);
    }

    @Test
    void missingKeysTakeTheDialogsDefaults() {
        TrainingOptions options = TrainingOptions.fromMacro("steps=20", "Cells 01.tif");
        assertEquals(new TrainingOptions("cells-01", TrainingOptions.DEFAULT_MINUTES,
                Optional.of(TrainingOptions.DEFAULT_INIT), true, OptionalInt.of(20)), options);
    }

    @Test
    void scratchAndTheCurrentPlane() {
        TrainingOptions options = TrainingOptions.fromMacro("name=a init=scratch planes=[current plane] minutes=0.5", "x");
        assertEquals(Optional.empty(), options.init());
        assertFalse(options.wholeStack());
        assertEquals(30_000, options.budget().toMillis());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("minutes=soon is not a number",
                assertThrows(IllegalArgumentException.class, () -> TrainingOptions.fromMacro("minutes=soon", "x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingOptions.fromMacro("minutes=0", "x"))
                .getMessage().contains("positive number of minutes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingOptions.fromMacro("planes=all", "x"))
                .getMessage().contains("planes=all is not one of"));
    }

    @Test
    void defaultNamesFromAnyTitleAreValidModelNames() {
        for (String title : new String[] {"Cells 01.tif", "__MAX_C1-stack.ome", "Ä Ö ü.png", "", "-", "x".repeat(80) + ".tif"}) {
            String name = TrainingOptions.defaultName(title);
            UserModels.checkName(name); // throws for an invalid name
        }
        assertEquals("max_c1-stack", TrainingOptions.defaultName("__MAX_C1-stack.ome"));
        assertEquals("my-model", TrainingOptions.defaultName("Ä Ö ü.png"));
    }

    @Test
    void aMisspeltKeyIsAnErrorListingTheValidKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.fromMacro("name=a minuts=3", "x"));
        assertTrue(e.getMessage().startsWith("unknown key 'minuts'; valid keys: name=<name>, minutes=<minutes>,"),
                e.getMessage());
    }
}
