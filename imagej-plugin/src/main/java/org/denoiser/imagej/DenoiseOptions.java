package org.denoiser.imagej;

import ij.Macro;
import java.util.List;
import org.denoiser.api.AutoModel;

/**
 * What the user chose in the Denoise dialog, or wrote in a macro:
 * {@code run("Denoise...", "model=denoise/auto stack tile=512")}.
 *
 * @param modelId the model, e.g. {@code denoise/poisson-gauss}, or {@value AutoModel#ID}
 * @param wholeStack every plane of the image; otherwise only the plane on display
 * @param tileSize largest tile side in pixels; smaller tiles need less memory
 */
public record DenoiseOptions(String modelId, boolean wholeStack, int tileSize) {
    public static final int DEFAULT_TILE_SIZE = 512;
    /** Below this a tile is mostly overlap (the model's context) and the run gets slow. */
    public static final int MIN_TILE_SIZE = 16;

    static final String MODEL_KEY = "model";
    static final String STACK_KEY = "stack";
    static final String TILE_KEY = "tile";
    /** Every key the options may hold, as a user would write them. */
    static final List<String> KEYS = List.of(MODEL_KEY + "=<id>", STACK_KEY, TILE_KEY + "=<pixels>");

    public DenoiseOptions {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("no model given: add model=<id>, e.g. model=" + AutoModel.ID);
        }
        if (tileSize < MIN_TILE_SIZE) {
            throw new IllegalArgumentException("tile size must be at least " + MIN_TILE_SIZE + " pixels, got " + tileSize);
        }
    }

    /**
     * Reads the options string of a macro's {@code run("Denoise...", options)}, the same keys the
     * dialog records; a missing model is {@value AutoModel#ID}. Read here rather than through a
     * GenericDialog so that macros also run where no dialog can be built (a server without a
     * display, plain ImageJ in batch mode).
     *
     * @throws IllegalArgumentException for a key that is not one of {@link #KEYS} (a misspelt
     *     {@code modle=} must not quietly denoise with the default), or a tile that is not a number
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
        return new DenoiseOptions(model, MacroOptions.hasFlag(options, STACK_KEY), tileSize);
    }
}
