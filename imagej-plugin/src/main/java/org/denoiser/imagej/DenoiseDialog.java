package org.denoiser.imagej;

import ij.ImagePlus;
import ij.Prefs;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import java.awt.AWTEvent;
import java.awt.Label;
import java.util.List;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.UnknownModelException;

/**
 * The Plugins > Denoise > Denoise... dialog. Its labels are the macro keys the recorder writes:
 * {@code run("Denoise...", "model=denoise/mnist-seed stack tile=512")}. The last choices are
 * remembered in ImageJ's preferences.
 */
final class DenoiseDialog implements DialogListener {
    private static final String PREF_MODEL = "denoiser.model";
    private static final String PREF_TILE = "denoiser.tile";
    private static final int DESCRIPTION_CHARS = 64;

    private final List<ModelInfo> models;
    private final PreviewWindow preview;
    private Label description;

    private DenoiseDialog(List<ModelInfo> models, PreviewWindow preview) {
        this.models = models;
        this.preview = preview;
    }

    /** Shows the dialog; returns the choices, or {@code null} if the user cancelled. */
    static DenoiseOptions show(ImagePlus imp, DenoiserSession session) {
        session.refreshModels(); // lists models trained with the command line since ImageJ started
        List<ModelInfo> models = session.models();
        if (models.isEmpty()) {
            throw new UnknownModelException("no models found: is the model-zoo jar in ImageJ's jars folder?");
        }
        try (PreviewWindow preview = new PreviewWindow(imp, new ImagePlusDenoiser(session))) {
            return new DenoiseDialog(models, preview).ask(imp);
        }
    }

    /** The model to offer first: the last one used, else the first one listed. */
    static String defaultModel(List<ModelInfo> models) {
        String last = Prefs.get(PREF_MODEL, "");
        return models.stream().map(ModelInfo::id).filter(last::equals).findFirst()
                .orElse(models.isEmpty() ? "" : models.get(0).id());
    }

    static void remember(DenoiseOptions options) {
        Prefs.set(PREF_MODEL, options.modelId());
        Prefs.set(PREF_TILE, options.tileSize());
    }

    private DenoiseOptions ask(ImagePlus imp) {
        GenericDialog gd = new GenericDialog("Denoise");
        String[] ids = models.stream().map(ModelInfo::id).toArray(String[]::new);
        String model = defaultModel(models);
        gd.addChoice("Model", ids, model);
        gd.addMessage(describe(model));
        description = (Label) gd.getMessage();
        int planes = imp.getStackSize();
        gd.addCheckbox(planes > 1 ? "Stack (all " + planes + " planes; off: the plane on display)" : "Stack", planes > 1);
        gd.addMessage("Advanced:");
        gd.addNumericField("Tile size", Prefs.get(PREF_TILE, DenoiseOptions.DEFAULT_TILE_SIZE), 0, 6,
                "pixels (smaller needs less memory)");
        gd.addPreviewCheckbox(null, "Preview the plane on display");
        gd.addDialogListener(this);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        return read(gd);
    }

    @Override
    public boolean dialogItemChanged(GenericDialog gd, AWTEvent e) {
        DenoiseOptions options;
        try {
            options = read(gd);
        } catch (IllegalArgumentException invalid) {
            return false; // e.g. a tile size being typed; OK stays disabled until it is valid
        }
        description.setText(describe(options.modelId()));
        if (gd.isPreviewActive()) {
            preview.update(options);
        }
        return true;
    }

    private static DenoiseOptions read(GenericDialog gd) {
        String model = gd.getNextChoice();
        boolean stack = gd.getNextBoolean();
        double tile = gd.getNextNumber();
        if (Double.isNaN(tile)) {
            throw new IllegalArgumentException("the tile size is not a number");
        }
        return new DenoiseOptions(model, stack, (int) tile);
    }

    /** The model's one-line description, cut to fit the dialog. */
    private String describe(String id) {
        String text = models.stream().filter(m -> m.id().equals(id)).findFirst()
                .map(ModelInfo::description).orElse("");
        return text.length() <= DESCRIPTION_CHARS ? text : text.substring(0, DESCRIPTION_CHARS - 3) + "...";
    }
}
