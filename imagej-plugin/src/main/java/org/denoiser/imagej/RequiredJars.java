package org.denoiser.imagej;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The jars the plugin needs beside ImageJ, each known by one class it holds (listed, with the
 * versions this build was made with, in {@code required-jars.properties}). ImageJ itself only
 * says {@code NoClassDefFoundError} somewhere deep inside a run, or nothing at all; this names
 * the jar to install. Uses the JDK only, so it works whatever is missing.
 */
final class RequiredJars {
    private static final String LIST = "required-jars.properties";

    private RequiredJars() {
    }

    /** Class name -> jar file name, in a stable order. */
    static Map<String, String> all() {
        Properties properties = new Properties();
        try (InputStream in = RequiredJars.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the plugin jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST + " in the plugin jar", e);
        }
        Map<String, String> jars = new TreeMap<>();
        properties.forEach((type, jar) -> jars.put((String) type, (String) jar));
        return jars;
    }

    /** The jars whose class {@code loader} cannot find; empty when all are there. */
    static List<String> missing(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        all().forEach((type, jar) -> {
            try {
                Class.forName(type, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(jar);
            }
        });
        return missing;
    }

    /** One sentence naming what to install, for the jars returned by {@link #missing}. */
    static String message(List<String> jars) {
        return "missing " + (jars.size() == 1 ? "jar " : "jars ") + String.join(", ", jars)
                + ". Put " + (jars.size() == 1 ? "it" : "them") + " in ImageJ's jars folder (Fiji has imglib2 already),"
                + " or install the self-contained folder Denoise/ into plugins/ (see the plugin's README).";
    }

    /** For a class that failed to load mid-run: which class, and the jar that normally has it. */
    static String message(LinkageError error) {
        String missingClass = String.valueOf(error.getMessage()).replace('/', '.');
        String jar = all().entrySet().stream()
                .filter(e -> sharedPackageDepth(e.getKey(), missingClass) >= 2)
                .max(Comparator.comparingInt(e -> sharedPackageDepth(e.getKey(), missingClass)))
                .map(Map.Entry::getValue).orElse(null);
        return "class " + missingClass + " cannot be loaded: "
                + (jar != null ? message(List.of(jar)) : "is every jar of the plugin in ImageJ's jars folder?");
    }

    /** How many leading package names two class names share: 2 for ai.djl.Model and ai.djl.ndarray.NDArray. */
    private static int sharedPackageDepth(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int depth = 0;
        while (depth < x.length - 1 && depth < y.length - 1 && x[depth].equals(y[depth])) {
            depth++;
        }
        return depth;
    }
}
