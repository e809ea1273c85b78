package org.denoiser.imagej;

import ij.ImagePlus;
import ij.Prefs;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.AWTEvent;
import java.awt.Checkbox;
import java.awt.Label;
import org.denoiser.api.AutoModel;
import org.denoiser.api.NoiseSetting;
import org.denoiser.api.UnknownModelException;

/**
 * The Plugins > Denoise > Denoise... dialog. Its labels are the macro keys the recorder writes:
 * {@code run("Denoise...", "model=denoise/auto stack tile=512")}, plus {@code flux=false} when
 * "Restore flux" is off (recorded by hand: a GenericDialog checkbox is recorded only when ticked,
 * and a macro without the key must keep the default, on). The last choices are
 * remembered in ImageJ's preferences; the first time, the model is {@code denoise/auto}. Help
 * shows every model's full description.
 */
final class DenoiseDialog implements DialogListener {
    private static final String PREF_MODEL = "denoiser.model";
    private static final String PREF_TILE = "denoiser.tile";
    private static final String PREF_STRENGTH = "denoiser.strength";
    private static final String PREF_FLUX = "denoiser.flux";
    private static final String PREF_ENSEMBLE = "denoiser.ensemble";
    /** The slider's range; macros may use the full {@link NoiseSetting} range. */
    private static final double SLIDER_MIN = 0.25;
    private static final double SLIDER_MAX = 4;
    /** Also the Help's name for it ({@link ModelChoices#helpHtml()}). */
    static final String FLUX_LABEL = "Restore flux (16/32-bit)";
    static final String ENSEMBLE_LABEL = "Ensemble of 8 orientations";

    private final ModelChoices models;
    private final ImagePlusDenoiser denoiser;
    private final ImagePlus imp;
    private final PreviewWindow preview;
    private Label description;
    private Checkbox flux;
    private Checkbox ensemble;

    private DenoiseDialog(ModelChoices models, ImagePlusDenoiser denoiser, ImagePlus imp, PreviewWindow preview) {
        this.models = models;
        this.denoiser = denoiser;
        this.imp = imp;
        this.preview = preview;
    }

    /** Shows the dialog; returns the choices, or {@code null} if the user cancelled. */
    static DenoiseOptions show(ImagePlus imp, DenoiserSession session) {
        session.refreshModels(); // lists models trained with the command line since ImageJ started
        if (session.models().isEmpty()) {
            throw new UnknownModelException("no models found: is the model-zoo jar in ImageJ's jars folder?");
        }
        ImagePlusDenoiser denoiser = new ImagePlusDenoiser(session);
        try (PreviewWindow preview = new PreviewWindow(imp, denoiser)) {
            return new DenoiseDialog(session.choices(), denoiser, imp, preview).ask(session.isRunning());
        }
    }

    /** The model to offer first: the last one used if it is still there, else {@code denoise/auto}. */
    static String defaultModel(ModelChoices models) {
        String last = Prefs.get(PREF_MODEL, AutoModel.ID);
        return models.contains(last) ? last : AutoModel.ID;
    }

    static void remember(DenoiseOptions options) {
        Prefs.set(PREF_MODEL, options.modelId());
        Prefs.set(PREF_TILE, options.tileSize());
        Prefs.set(PREF_STRENGTH, options.strength());
        Prefs.set(PREF_FLUX, options.restoreFlux());
        Prefs.set(PREF_ENSEMBLE, options.selfEnsemble());
    }

    private DenoiseOptions ask(boolean anotherRunGoing) {
        GenericDialog gd = new GenericDialog("Denoise");
        gd.addMessage("Image: " + describeImage(imp));
        String[] ids = models.ids().toArray(String[]::new);
        String model = defaultModel(models);
        gd.addChoice("Model", ids, model);
        gd.addMessage(describe(model));
        description = (Label) gd.getMessage();
        int planes = imp.getStackSize();
        gd.addCheckbox(planes > 1 ? "Stack (all " + planes + " planes; off: the plane on display)" : "Stack", planes > 1);
        gd.addCheckbox(FLUX_LABEL, Prefs.get(PREF_FLUX, true));
        flux = (Checkbox) gd.getCheckboxes().lastElement();
        flux.setEnabled(hasFluxToRestore(imp)); // greyed for 8-bit and RGB: the Denoiser ignores it there
        // Macro key "strength"; for models told the noise level (e.g. denoise/poisson-gauss-nl)
        double strength = Math.max(SLIDER_MIN, Math.min(SLIDER_MAX, Prefs.get(PREF_STRENGTH, 1)));
        gd.addSlider("Strength", SLIDER_MIN, SLIDER_MAX, strength, 0.05);
        gd.addMessage("Advanced:");
        gd.addNumericField("Tile size", Prefs.get(PREF_TILE, DenoiseOptions.DEFAULT_TILE_SIZE), 0, 6,
                "pixels (smaller needs less memory)");
        gd.addCheckbox(ENSEMBLE_LABEL, Prefs.get(PREF_ENSEMBLE, false));
        ensemble = (Checkbox) gd.getCheckboxes().lastElement();
        gd.addPreviewCheckbox(null, "Preview the plane on display");
        if (anotherRunGoing) {
            gd.addMessage("Another Denoise or Train run is in progress: this one starts when it ends.");
        }
        gd.addHelp(models.helpHtml());
        gd.addDialogListener(this);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        DenoiseOptions options = read(gd);
        if (Recorder.record && !options.restoreFlux()) {
            Recorder.recordOption(DenoiseOptions.FLUX_KEY, "false");
        }
        if (Recorder.record && options.selfEnsemble()) {
            Recorder.recordOption(DenoiseOptions.ENSEMBLE_KEY);
        }
        return options;
    }

    @Override
    public boolean dialogItemChanged(GenericDialog gd, AWTEvent e) {
        DenoiseOptions options;
        try {
            options = read(gd);
        } catch (IllegalArgumentException invalid) {
            return false; // e.g. a tile size being typed; OK stays disabled until it is valid
        }
        String blind = blindModelWithStrength(options);
        description.setText(blind != null ? blind : describe(options.modelId()));
        if (blind != null) {
            return false; // OK stays disabled: the label says why
        }
        if (gd.isPreviewActive()) {
            preview.update(options);
        }
        return true;
    }

    /**
     * Read in the order the items were added; the flux and ensemble checkboxes are read directly, so
     * the recorder skips them (their keys are recorded by hand in {@link #ask}).
     */
    private DenoiseOptions read(GenericDialog gd) {
        String model = gd.getNextChoice();
        boolean stack = gd.getNextBoolean();
        double strength = gd.getNextNumber();
        double tile = gd.getNextNumber();
        if (Double.isNaN(tile) || Double.isNaN(strength)) {
            throw new IllegalArgumentException("the tile size or strength is not a number");
        }
        return new DenoiseOptions(model, stack, (int) tile, strength, flux.getState(), ensemble.getState());
    }

    /** Whether flux restoration applies to {@code imp}: 16-bit and 32-bit images; 8-bit and RGB use a fixed map. */
    static boolean hasFluxToRestore(ImagePlus imp) {
        return imp.getBitDepth() == 16 || imp.getBitDepth() == 32;
    }

    /** Why a strength other than 1 cannot be used with the (picked) model, or null if it can. */
    private String blindModelWithStrength(DenoiseOptions options) {
        String picked = denoiser.modelFor(imp, options.modelId()).id();
        if (options.strength() == NoiseSetting.DEFAULT.strength() || models.isConditioned(picked)) {
            return null;
        }
        return "Strength needs a model told the noise level (e.g. denoise/poisson-gauss-nl); " + picked + " is blind: set 1";
    }

    /** What the model is for, in one line; for denoise/auto also what it picks for this image. */
    private String describe(String id) {
        String picked = denoiser.modelFor(imp, id).id();
        return picked.equals(id) ? models.line(id) : "for this image: " + picked + " (" + models.line(picked) + ")";
    }

    /** "cells.tif (16-bit, 512x512, 100 planes)": which image OK will denoise. */
    static String describeImage(ImagePlus imp) {
        int planes = imp.getStackSize();
        return imp.getTitle() + " (" + (imp.getBitDepth() == 24 ? "RGB" : imp.getBitDepth() + "-bit") + ", "
                + imp.getWidth() + "x" + imp.getHeight() + (planes > 1 ? ", " + planes + " planes" : "") + ")";
    }
}
