package org.denoiser.imagej;

import java.util.List;

/**
 * Where the classic commands begin: checks that every jar the plugin needs is there before
 * anything else loads, and turns a class that still fails to load into a message naming the
 * jar. Without this, ImageJ swallows a {@code NoClassDefFoundError} and the menu command does
 * nothing (no dialog, no log), and a batch macro saves the noisy image as the "result".
 * Uses ImageJ 1 and the JDK only.
 */
final class PluginStart {
    private PluginStart() {
    }

    /** Runs {@code body} (which may use the model-zoo, ImgLib2, DJL) if the jars are there. */
    static void run(String command, Runnable body) {
        List<String> missing = RequiredJars.missing(PluginStart.class.getClassLoader());
        if (!missing.isEmpty()) {
            ErrorReport.failure(command, command + " cannot start: " + RequiredJars.message(missing));
            return;
        }
        try {
            body.run();
        } catch (NoClassDefFoundError e) {
            ErrorReport.failure(command, command + " cannot run: " + RequiredJars.message(e));
        } catch (LinkageError e) { // e.g. a native library that does not load on this system
            ErrorReport.failure(command, command + " cannot run: " + e);
        }
    }
}
