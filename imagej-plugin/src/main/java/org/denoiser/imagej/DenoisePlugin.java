package org.denoiser.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.Locale;

/**
 * Plugins > Denoise > Denoise...: denoises the current image into a new window
 * {@code <title>-denoised}. From a macro: {@code run("Denoise...", "model=denoise/mnist-seed stack")};
 * the options are read without a dialog, so the same line works in headless batch runs.
 */
public class DenoisePlugin implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.noImage();
            return;
        }
        DenoiserSession session = DenoiserSession.shared();
        int tileSize = DenoiseOptions.DEFAULT_TILE_SIZE;
        try {
            DenoiseOptions options = chooseOptions(imp, session);
            if (options == null) {
                return; // the dialog was cancelled
            }
            tileSize = options.tileSize();
            ImagePlus result = denoise(imp, options, session);
            DenoiseDialog.remember(options);
            result.show();
        } catch (RuntimeException | OutOfMemoryError e) {
            UserErrors.report(e, imp.getTitle(), tileSize);
        }
    }

    private static DenoiseOptions chooseOptions(ImagePlus imp, DenoiserSession session) {
        String macroOptions = Macro.getOptions();
        if (macroOptions != null) {
            return DenoiseOptions.fromMacro(macroOptions, DenoiseDialog.defaultModel(session.models()));
        }
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException("without a display, run it from a macro: "
                    + "run(\"Denoise...\", \"model=<id> stack\")");
        }
        return DenoiseDialog.show(imp, session);
    }

    private static ImagePlus denoise(ImagePlus imp, DenoiseOptions options, DenoiserSession session) {
        long planes = ImagePlusDenoiser.planesToDenoise(imp, options);
        long start = System.nanoTime();
        ImagePlus result = new ImagePlusDenoiser(session).denoise(imp, options, new ImageJProgress(planes));
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = String.format(Locale.ROOT, "Denoise: %s, %d planes in %.1f s (%.2f planes/s) with %s",
                imp.getTitle(), planes, seconds, planes / Math.max(seconds, 1e-9), options.modelId());
        IJ.showStatus(summary);
        if (IJ.getInstance() == null) {
            IJ.log(summary); // batch runs keep a record; in the GUI the status line is enough
        }
        return result;
    }
}
