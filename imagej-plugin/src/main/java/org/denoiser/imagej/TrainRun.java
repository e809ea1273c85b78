package org.denoiser.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import org.denoiser.train.UserModelTrainer;

/** One use of Train on this image...: options from the macro or the dialog, training, installing. */
final class TrainRun {

    void run() {
        ImagePlus imp = ErrorReport.currentImageOrReport(TrainPlugin.COMMAND, "Train on this image...");
        if (imp == null) {
            return;
        }
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
            if (ErrorReport.isMacroAbort(e)) {
                throw e; // ImageJ's way of stopping a macro; not a failure of ours
            }
            UserErrors.reportTraining(e, imp.getTitle());
        }
    }

    private static TrainingOptions chooseOptions(ImagePlus imp, DenoiserSession session) {
        String macroOptions = Macro.getOptions();
        if (macroOptions != null) {
            return TrainingOptions.fromMacro(macroOptions, imp.getTitle());
        }
        if (!ErrorReport.hasWindow()) {
            throw new IllegalArgumentException("without a display, run it from a macro: "
                    + "run(\"Train on this image...\", \"name=<name> minutes=5 init=denoise/poisson-gauss\")");
        }
        session.refreshModels(); // offers models trained with the command line since ImageJ started
        return TrainDialog.show(imp, session.models());
    }
}
