package org.denoiser.imagej;

import ij.IJ;
import ij.ImagePlus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Real ImageJ 1 in this JVM, headless (ij1-patcher, see the pom), with the plugin installed the way
 * ImageJ finds plugins: a jar named with an underscore in {@code plugins/}, listed by its
 * {@code plugins.config}. The jar holds only that file; the classes come from this test's class
 * path (ImageJ's plugin class loader asks its parent first), so tests see the same
 * {@link DenoiserSession} as the plugin. Macros work on files, as a user's do.
 */
final class ImageJHarness {
    private static boolean installed;

    private ImageJHarness() {
    }

    /** What a macro left behind: the image it saved (or {@code null}) and what it logged. */
    record MacroRun(ImagePlus saved, String log) {
    }

    static synchronized void install() throws IOException {
        if (installed) {
            return;
        }
        Path home = Path.of("target", "ij-home").toAbsolutePath();
        Path jar = home.resolve("plugins").resolve("Denoise_.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream config = ImageJHarness.class.getResourceAsStream("/plugins.config")) {
            out.putNextEntry(new JarEntry("plugins.config"));
            config.transferTo(out);
        }
        System.setProperty("plugins.dir", home.toString());
        installed = true;
    }

    /**
     * Saves {@code noisy} in {@code dir} in the format its title names (TIFF unless it ends in
     * .png), runs a batch-mode macro that opens it, runs {@code run("Denoise...", options)} and
     * saves the result, then opens what was saved.
     */
    static MacroRun denoise(ImagePlus noisy, String options, Path dir) throws IOException {
        Path in = dir.resolve(noisy.getTitle());
        Path out = dir.resolve("result.tif");
        Files.deleteIfExists(out);
        IJ.saveAs(noisy, noisy.getTitle().endsWith(".png") ? "png" : "tiff", in.toString());
        String macro = "setBatchMode(true);\n"
                + "open(\"" + in + "\");\n"
                + "run(\"Denoise...\", \"" + options + "\");\n"
                + "saveAs(\"Tiff\", \"" + out + "\");\n"
                + "close(\"*\");\n";
        String log = runMacro(macro);
        return new MacroRun(Files.exists(out) ? IJ.openImage(out.toString()) : null, log);
    }

    /**
     * Starts {@code macro} on another thread and returns once the shared session runs (a
     * denoising or training run is under way, so an Esc now hits it), or the macro has ended.
     */
    static CompletableFuture<String> startMacroAndAwaitRun(String macro) throws InterruptedException {
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runMacro(macro);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!DenoiserSession.shared().isRunning() && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return run;
    }

    /** Runs a macro; returns everything ImageJ logged meanwhile (headless, the Log is standard output). */
    static synchronized String runMacro(String macro) throws IOException {
        install();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            IJ.runMacro(macro);
        } finally {
            System.setOut(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
