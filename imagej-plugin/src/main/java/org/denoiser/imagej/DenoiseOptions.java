package org.denoiser.imagej;

import ij.Macro;
import java.util.List;
import org.denoiser.api.AutoModel;
import org.denoiser.api.NoiseSetting;

/**
 * What the user chose in the Denoise dialog, or wrote in a macro:
 * {@code run("Denoise...", "model=denoise/auto stack tile=512 strength=1.5")}, with {@code flux=false}
 * only when flux restoration is off (so macros written before it existed keep its default, on), and
 * the flag {@code ensemble} when each tile is denoised in its 8 orientations and averaged.
 *
 * @param modelId the model, e.g. {@code denoise/poisson-gauss}, or {@value AutoModel#ID}
 * @param wholeStack every plane of the image; otherwise only the plane on display
 * @param tileSize largest tile side in pixels; smaller tiles need less memory
 * @param strength for noise-level-conditioned models, the factor on the estimated noise level
 *     (above 1 smooths more, below 1 keeps more detail); blind models take only 1
 * @param restoreFlux for 16-bit and 32-bit images, put back the flux the network takes from faint
 *     sources (the {@code Denoiser}'s default, as on the command line); 8-bit and RGB images
 *     ignore it (their fixed map has nothing to put back)
 * @param selfEnsemble denoise every tile in its 8 orientations and average the results: a little
 *     less noise for 8 times the time (off by default)
 */
public record DenoiseOptions(String modelId, boolean wholeStack, int tileSize, double strength, boolean restoreFlux,
        boolean selfEnsemble) {
    public static final int DEFAULT_TILE_SIZE = 512;
    /** Below this a tile is mostly overlap (the model's context) and the run gets slow. */
    public static final int MIN_TILE_SIZE = 16;

    static final String MODEL_KEY = "model";
    static final String STACK_KEY = "stack";
    static final String TILE_KEY = "tile";
    static final String STRENGTH_KEY = "strength";
    static final String FLUX_KEY = "flux";
    static final String ENSEMBLE_KEY = "ensemble";
    /** Every key the options may hold, as a user would write them. */
    static final List<String> KEYS = List.of(MODEL_KEY + "=<id>", STACK_KEY, TILE_KEY + "=<pixels>",
            STRENGTH_KEY + "=<factor>", FLUX_KEY + "=false", ENSEMBLE_KEY);

    public DenoiseOptions {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("no model given: add model=<id>, e.g. model=" + AutoModel.ID);
        }
        if (tileSize < MIN_TILE_SIZE) {
            throw new IllegalArgumentException("tile size must be at least " + MIN_TILE_SIZE + " pixels, got " + tileSize);
        }
        NoiseSetting.strength(strength); // one line naming the allowed range if it is out of it
    }

    /** One pass per tile (the default everywhere). */
    public DenoiseOptions(String modelId, boolean wholeStack, int tileSize, double strength, boolean restoreFlux) {
        this(modelId, wholeStack, tileSize, strength, restoreFlux, false);
    }

    /** Flux restored (the default everywhere). */
    public DenoiseOptions(String modelId, boolean wholeStack, int tileSize, double strength) {
        this(modelId, wholeStack, tileSize, strength, true);
    }

    /** Strength 1: the noise level as estimated (every model's behaviour); flux restored. */
    public DenoiseOptions(String modelId, boolean wholeStack, int tileSize) {
        this(modelId, wholeStack, tileSize, 1);
    }

    /** The same options for another model, e.g. the one {@code denoise/auto} picked. */
    public DenoiseOptions withModelId(String id) {
        return new DenoiseOptions(id, wholeStack, tileSize, strength, restoreFlux, selfEnsemble);
    }

    /** What the model is told about the noise. */
    public NoiseSetting noiseSetting() {
        return NoiseSetting.strength(strength);
    }

    /** These options for the plane on display only (the preview). */
    DenoiseOptions planeOnly() {
        return new DenoiseOptions(modelId, false, tileSize, strength, restoreFlux, selfEnsemble);
    }

    /**
     * Reads the options string of a macro's {@code run("Denoise...", options)}, the same keys the
     * dialog records; a missing model is {@value AutoModel#ID}. Read here rather than through a
     * GenericDialog so that macros also run where no dialog can be built (a server without a
     * display, plain ImageJ in batch mode).
     *
     * @throws IllegalArgumentException for a key that is not one of {@link #KEYS} (a misspelt
     *     {@code modle=} must not quietly denoise with the default), a tile that is not a number,
     *     or a {@code flux=} that is neither {@code true} nor {@code false}
     */
    public static DenoiseOptions fromMacro(String options) {
        MacroOptions.requireOnly(options, KEYS);
        String model = Macro.getValue(options, MODEL_KEY, AutoModel.ID);
        String tile = Macro.getValue(options, TILE_KEY, String.valueOf(DEFAULT_TILE_SIZE));
        int tileSize;
        try {
            tileSize = (int) Double.parseDouble(tile);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tile=" + tile + " is not a number of pixels", e);
        }
        String strength = Macro.getValue(options, STRENGTH_KEY, "1");
        return new DenoiseOptions(model, MacroOptions.hasFlag(options, STACK_KEY), tileSize,
                NoiseSetting.parseStrength(strength).strength(), parseFlux(Macro.getValue(options, FLUX_KEY, "true")),
                MacroOptions.hasFlag(options, ENSEMBLE_KEY));
    }

    /** {@code true} or {@code false}, nothing else: a typo such as {@code flux=flase} must not mean either. */
    private static boolean parseFlux(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(FLUX_KEY + "=" + value
                    + " must be true or false (flux=false turns flux restoration off)");
        };
    }
}
