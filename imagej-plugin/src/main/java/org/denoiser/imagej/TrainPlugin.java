package org.denoiser.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import org.denoiser.train.UserModelTrainer;

/**
 * Plugins > Denoise > Train on this image...: learns a denoiser from the current image's own
 * noise (self-supervised, no clean image) and installs it as {@code denoise/NAME}, offered in the
 * Denoise dialog at once. From a macro:
 * {@code run("Train on this image...", "name=my-cells minutes=5 init=denoise/poisson-gauss")};
 * the options are read without a dialog, so the same line works headless.
 */
public class TrainPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = IJ.getImage(); // without one, ImageJ says so and stops a running macro
        DenoiserSession session = DenoiserSession.shared();
        try {
            TrainingOptions options = chooseOptions(imp, session);
            if (options == null) {
                return; // the dialog was cancelled
            }
            UserModelTrainer.Installed installed;
            try (TrainingProgress progress = new TrainingProgress(options.name())) {
                installed = new ImagePlusTrainer(session).train(imp, options, progress, progress.cancelToken());
            }
            IJ.showProgress(1.0);
            IJ.showStatus("Train: installed " + installed.info().id());
            IJ.log("Train: " + installed.summary());
            IJ.log("Train: installed " + installed.info().id() + " in " + installed.folder()
                    + "; choose it in Plugins > Denoise > Denoise...");
        } catch (RuntimeException | OutOfMemoryError e) {
            UserErrors.reportTraining(e, imp.getTitle());
        }
    }

    private static TrainingOptions chooseOptions(ImagePlus imp, DenoiserSession session) {
        String macroOptions = Macro.getOptions();
        if (macroOptions != null) {
            return TrainingOptions.fromMacro(macroOptions, imp.getTitle());
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException("without a display, run it from a macro: "
                    + "run(\"Train on this image...\", \"name=<name> minutes=5 init=denoise/poisson-gauss\")");
        }
        session.refreshModels(); // offers models trained with the command line since ImageJ started
        return TrainDialog.show(imp, session.models());
    }
}
