package org.denoiser.imagej;

import ij.plugin.PlugIn;

/**
 * Plugins > Denoise > Denoise...: denoises the current image into a new window
 * {@code <title>-denoised}. From a macro: {@code run("Denoise...", "model=denoise/auto stack")};
 * the options are read without a dialog, so the same line works in headless batch runs. This
 * class only uses ImageJ, so that a missing jar is reported (see {@link PluginStart}) rather
 * than stopping the command before it starts.
 */
public class DenoisePlugin implements PlugIn {
    static final String COMMAND = "Denoise";

    @Override
    public void run(String arg) {
        PluginStart.run(COMMAND, () -> new DenoiseRun().run());
    }
}
