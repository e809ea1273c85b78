package org.denoiser.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import java.util.Locale;

/** One use of Denoise...: options from the macro or the dialog, the run, the result shown. */
final class DenoiseRun {

    void run() {
        ImagePlus imp = ErrorReport.currentImageOrReport(DenoisePlugin.COMMAND, "Denoise...");
        if (imp == null) {
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
            if (ErrorReport.isMacroAbort(e)) {
                throw e; // ImageJ's way of stopping a macro; not a failure of ours
            }
            UserErrors.report(e, imp.getTitle(), tileSize);
        }
    }

    private static DenoiseOptions chooseOptions(ImagePlus imp, DenoiserSession session) {
        String macroOptions = Macro.getOptions();
        if (macroOptions != null) {
            return DenoiseOptions.fromMacro(macroOptions);
        }
        if (!ErrorReport.hasWindow()) {
            // A dialog here would wait for a click no one can give (ImageJ -batch, a server).
            throw new IllegalArgumentException("without the ImageJ window, give the options: "
                    + "run(\"Denoise...\", \"model=denoise/auto stack\")");
        }
        return DenoiseDialog.show(imp, session);
    }

    private static ImagePlus denoise(ImagePlus imp, DenoiseOptions options, DenoiserSession session) {
        long planes = ImagePlusDenoiser.planesToDenoise(imp, options);
        ImagePlusDenoiser denoiser = new ImagePlusDenoiser(session);
        String model = denoiser.modelFor(imp, options.modelId()).id();
        String choice = model.equals(options.modelId()) ? model : options.modelId() + " -> " + model;
        if (session.isRunning()) {
            IJ.showStatus("Denoise: waiting for the run in progress to end (Esc cancels it)...");
        }
        long start = System.nanoTime();
        ImageJProgress progress = new ImageJProgress(planes);
        ImagePlus result = denoiser.denoise(imp, options, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        // a result without flux restoration is not what the command line gives by default: say so
        String flux = (options.restoreFlux() || !DenoiseDialog.hasFluxToRestore(imp) ? "" : ", flux restoration off")
                + (options.selfEnsemble() ? ", self-ensemble" : "");
        String summary = String.format(Locale.ROOT, "Denoise: %s with %s%s, %d plane(s) in %.1f s (%.2f planes/s)%s",
                imp.getTitle(), choice, flux, planes, seconds, planes / Math.max(seconds, 1e-9), progress.noiseLevels());
        IJ.showStatus(summary);
        IJ.log(summary); // which model auto picked, and how fast: worth keeping in the GUI's Log too
        return result;
    }
}
