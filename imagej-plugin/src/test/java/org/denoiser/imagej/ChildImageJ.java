package org.denoiser.imagej;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A plain ImageJ 1 (the jar from Maven Central) in its own JVM, on the packaged folder
 * ({@code -Dplugins.dir=target/fiji}: ImageJ loads {@code plugins/Denoise_.jar} and every jar in
 * {@code jars/}), as a user starts it. Runs have a time limit: an ImageJ dialog waiting for a
 * click would otherwise hang the build.
 */
final class ChildImageJ {
    private final List<String> command = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final Path fiji;
    private final Path home;
    private Path pluginsDir;

    /** What a run left: its exit status and everything it printed. */
    record Finished(int exitStatus, String output) {
    }

    /** @param home the DENOISER_HOME of the child (so a developer's own models do not count) */
    ChildImageJ(Path home) {
        this.fiji = packagedFolder();
        this.pluginsDir = fiji;
        this.home = home;
        classpath.add(jarOf(ij.IJ.class));
        // Fiji brings ImgLib2; plain ImageJ needs it next to ij.jar.
        classpath.add(jarOf(net.imglib2.img.Img.class));
    }

    static Path packagedFolder() {
        return Path.of(System.getProperty("fiji.dir", "target/fiji"));
    }

    /** The self-contained folder for plain ImageJ ({@code plugins/Denoise/}, ImgLib2 included). */
    static Path plainImageJFolder() {
        return Path.of(System.getProperty("imagej.folder", "target/imagej/plugins/Denoise"));
    }

    /** ImageJ alone on the class path, as a plain ImageJ starts: everything else must come from the plugins folder. */
    ChildImageJ withoutImgLib2() {
        classpath.remove(jarOf(net.imglib2.img.Img.class));
        return this;
    }

    /** Another ImageJ 1 jar instead of the one the tests compile against (1.54p). */
    ChildImageJ imageJJar(Path jar) {
        classpath.set(classpath.indexOf(jarOf(ij.IJ.class)), jar);
        return this;
    }

    /** The ImageJ folder holding {@code plugins/} (by default the packaged Fiji-like folder). */
    ChildImageJ imageJFolder(Path folder) {
        this.pluginsDir = folder;
        return this;
    }

    /**
     * What Fiji's {@code ImageJ-linux64 --headless} does: ij1-patcher lets ImageJ 1 run without a
     * display, and the launcher puts {@code jars/} and {@code plugins/} on the class path (the
     * patched ImageJ loads plugin classes from there, not through its plugins-folder loader).
     */
    ChildImageJ headless() {
        classpath.add(fiji.resolve("jars").toAbsolutePath().resolve("*"));
        classpath.add(fiji.resolve("plugins").toAbsolutePath().resolve("*"));
        Path patcher = jarOf(net.imagej.patcher.LegacyInjector.class);
        classpath.add(patcher);
        classpath.add(jarOf(javassist.ClassPool.class));
        classpath.add(jarOf(io.github.classgraph.ClassGraph.class));
        command.add("-javaagent:" + patcher + "=init");
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("-Djava.awt.headless=true");
        return this;
    }

    /** Also puts this module's compiled test classes on the class path (for a driver class). */
    ChildImageJ withTestClasses() {
        classpath.add(jarOf(ChildImageJ.class));
        return this;
    }

    /**
     * Runs {@code mainClass args} and returns its output (stdout and stderr); fails on time-out.
     *
     * @param prefix put before {@code java}, e.g. {@code xvfb-run -a}, or empty
     */
    String run(List<String> prefix, String mainClass, List<String> args, long timeoutSeconds, Path outputFile)
            throws IOException, InterruptedException {
        return start(prefix, mainClass, args, timeoutSeconds, outputFile).output();
    }

    /** As {@link #run}, with the exit status. */
    Finished start(List<String> prefix, String mainClass, List<String> args, long timeoutSeconds, Path outputFile)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        full.add("-Xmx4g");
        full.add("-Dai.djl.offline=true");
        full.add("-Dplugins.dir=" + pluginsDir.toAbsolutePath());
        full.addAll(command);
        full.add("-cp");
        full.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        full.add(mainClass);
        full.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        builder.environment().put("DENOISER_HOME", home.toString());
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("ImageJ did not finish within " + timeoutSeconds + " s:\n"
                        + Files.readString(outputFile, StandardCharsets.UTF_8));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Finished(process.exitValue(), Files.readString(outputFile, StandardCharsets.UTF_8));
    }

    /** Whether {@code program} is an executable on the PATH (e.g. {@code xvfb-run}). */
    static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
