package org.denoiser.imagej;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.denoiser.api.ModelInfo;

/**
 * The Plugins > Denoise > Train on this image... dialog. The first word of each label is the
 * macro key the recorder writes:
 * {@code run("Train on this image...", "name=cells minutes=5 init=denoise/poisson-gauss planes=[whole stack]")}.
 */
final class TrainDialog {
    private TrainDialog() {
    }

    /** Shows the dialog; returns the choices, or {@code null} if the user cancelled. */
    static TrainingOptions show(ImagePlus imp, List<ModelInfo> models) {
        List<String> starts = new ArrayList<>();
        starts.add(TrainingOptions.SCRATCH);
        models.forEach(m -> starts.add(m.id()));
        String init = starts.contains(TrainingOptions.DEFAULT_INIT) ? TrainingOptions.DEFAULT_INIT : TrainingOptions.SCRATCH;

        GenericDialog gd = new GenericDialog("Train on this image");
        gd.addMessage("Learns a denoiser from this image's own noise (no clean image needed)\n"
                + "and installs it as denoise/NAME for Plugins > Denoise > Denoise...");
        gd.addStringField("Name of the new model", TrainingOptions.defaultName(imp.getTitle()), 20);
        gd.addNumericField("Minutes of training", TrainingOptions.DEFAULT_MINUTES, 1);
        gd.addChoice("Init (start from)", starts.toArray(String[]::new), init);
        gd.addChoice("Planes", new String[] {TrainingOptions.WHOLE_STACK, TrainingOptions.CURRENT_PLANE},
                TrainingOptions.WHOLE_STACK);
        gd.addHelp("Esc stops training; nothing is installed then. A fine-tuned model (init) is useful after a few"
                + " minutes; from scratch needs longer.");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        String name = gd.getNextString().trim();
        double minutes = gd.getNextNumber();
        String start = gd.getNextChoice();
        boolean wholeStack = gd.getNextChoice().equals(TrainingOptions.WHOLE_STACK);
        return new TrainingOptions(name, minutes, TrainingOptions.initFrom(start), wholeStack, OptionalInt.empty());
    }
}
