package org.denoiser.imagej;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;

/**
 * Shows one failure to the user the way this ImageJ can, and never waits for a click where no
 * one can give it. Uses ImageJ 1 classes only, so it works when the plugin's other jars are
 * missing (that is one of the failures it reports).
 *
 * <ul>
 *   <li>ImageJ window open: an error dialog (which also stops a running macro, so that its next
 *       line does not save the noisy image under the denoised name).
 *   <li>No window ({@code ImageJ -batch}, headless): a Log line (standard output). A run started
 *       from the command line with {@code -batch} then exits with status 1: ImageJ itself exits 0
 *       after a failed macro, so a script could not tell. In other runs the macro is stopped
 *       without ImageJ's "Macro Error" dialog, which under a display would wait for a click.
 * </ul>
 */
final class ErrorReport {
    /** The exit status of a command-line batch run that failed. */
    static final int BATCH_FAILURE_STATUS = 1;

    private ErrorReport() {
    }

    /** Reports a failure: {@code command} is the menu command's short name, e.g. "Denoise". */
    static void failure(String command, String message) {
        show(command, command + " error: ", message, true);
    }

    /** Reports a run the user cancelled: no dialog outside a macro, Esc needs no confirmation. */
    static void cancelled(String command, String message) {
        show(command, command + ": ", message, false);
    }

    private static void show(String command, String logPrefix, String message, boolean failed) {
        IJ.showProgress(1.0);
        IJ.showStatus(command + (failed ? ": failed" : ": cancelled"));
        if (hasWindow()) {
            if (failed || IJ.isMacro()) {
                IJ.error(command, message);
            }
            return;
        }
        IJ.log(logPrefix + message.replace('\n', ' '));
        if (fromCommandLineBatch()) {
            System.out.flush();
            System.exit(BATCH_FAILURE_STATUS);
        }
        if (IJ.isMacro()) {
            if (GraphicsEnvironment.isHeadless()) {
                IJ.error(command, message); // no dialog can appear; this stops the macro
            } else {
                Interpreter.abort(); // stops the macro without the "Macro Error" dialog
            }
        }
    }

    /**
     * The image a command works on, or {@code null} after reporting that there is none (without
     * {@link IJ#noImage()}, whose "Macro Error" dialog would wait for a click in batch runs).
     */
    static ImagePlus currentImageOrReport(String command, String menuItem) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            failure(command, "there is no image open: open one, then run " + menuItem + " again");
        }
        return imp;
    }

    /** Whether {@code error} is ImageJ's way of stopping a macro (to be passed on, not reported). */
    static boolean isMacroAbort(Throwable error) {
        return Macro.MACRO_CANCELED.equals(error.getMessage());
    }

    /** Whether an ImageJ window is there, so a dialog has someone to read it. */
    static boolean hasWindow() {
        return IJ.getInstance() != null && !GraphicsEnvironment.isHeadless();
    }

    /** Whether this JVM was started as {@code ImageJ -batch macro [argument]}. */
    static boolean fromCommandLineBatch() {
        String[] args = ImageJ.getArgs();
        if (args == null || IJ.getInstance() != null) {
            return false;
        }
        for (String arg : args) {
            if (arg != null && arg.startsWith("-batch")) {
                return true;
            }
        }
        return false;
    }
}
