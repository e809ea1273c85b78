package org.denoiser.imagej;

import ij.plugin.PlugIn;

/**
 * Plugins > Denoise > Train on this image...: learns a denoiser from the current image's own
 * noise (self-supervised, no clean image) and installs it as {@code denoise/NAME}, offered in the
 * Denoise dialog at once. From a macro:
 * {@code run("Train on this image...", "name=my-cells minutes=5 init=denoise/poisson-gauss")};
 * the options are read without a dialog, so the same line works headless. Like
 * {@link DenoisePlugin}, this class only uses ImageJ, so a missing jar is reported.
 */
public class TrainPlugin implements PlugIn {
    static final String COMMAND = "Train";

    @Override
    public void run(String arg) {
        PluginStart.run(COMMAND, () -> new TrainRun().run());
    }
}
