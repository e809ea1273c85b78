package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every preset that trains a model meant for the zoo states the noise it was trained on, so its
 * export writes {@code model.json}'s {@code noise} (the contract every shipped model keeps). A
 * noise model that wraps or builds on another must pass its ranges on.
 */
class PresetManifestTest {
    /** Data folders are only read when a run starts; none is needed to build a preset. */
    private static final Path NO_DATA = Path.of("no-such-folder");

    @Test
    void everyZooPresetStatesItsNoiseRanges() {
        List<String> zooPresets = Presets.names().stream()
                // the headroom fine-tune was an experiment, never shipped: its noise is no one range
                .filter(name -> !name.equals(MnistSeedPreset.NAME) && !name.endsWith("-smoke")
                        && !name.equals(Presets.POISSON_GAUSS_HEADROOM))
                .toList();
        for (String name : zooPresets) {
            Preset preset = Presets.byName(name, NO_DATA);
            assertNotNull(preset.noise().ranges(), name + ": " + preset.noise().description() + " states no ranges");
        }
    }
}
