package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.denoiser.api.DenoiseException;

/**
 * Puts TensorFlow's native libraries where DJL and TF Java find them, without any network.
 *
 * <p>DJL's own TensorFlow native jar is a CUDA build that it rejects on CPU, after which it tries
 * to download. We ship TF Java's CPU natives (a Maven classifier jar) instead, extract them once to
 * a cache directory named after their version, and point DJL at it through
 * {@code TENSORFLOW_LIBRARY_PATH}. Extraction goes to a private temporary directory that is
 * renamed into place in one step, so two processes starting at once never see a half-written
 * library: the loser of the race simply uses the winner's copy.
 */
public final class TensorFlowNatives {
    private static final String RESOURCE_DIR = "org/tensorflow/internal/c_api/linux-x86_64/";
    private static final List<String> LIBRARIES =
            List.of("libtensorflow_framework.so.2", "libtensorflow_cc.so.2", "libjnitensorflow.so");
    private static final String POM_PROPERTIES =
            "META-INF/maven/org.tensorflow/tensorflow-core-native/pom.properties";

    private static final String EXTRACT_PREFIX = ".extracting-";

    private static Path installed;

    private TensorFlowNatives() {}

    /** Extracts the natives if needed and configures DJL; cheap after the first call. */
    public static synchronized Path ensureInstalled() {
        if (installed != null) {
            return installed;
        }
        // Without this DJL contacts a cloud metadata address at start-up and waits for it.
        System.setProperty("ai.djl.offline", "true");
        Path dir = DenoiserHome.cache().resolve("native").resolve("tensorflow-" + nativeVersion() + "-linux-x86_64");
        // A killed extraction leaves hundreds of MB behind; removed by the rule in StaleFolders.
        StaleFolders.clean(dir.getParent(), EXTRACT_PREFIX, leftover -> { });
        if (!Files.isRegularFile(dir.resolve("libjnitensorflow.so"))) {
            extractTo(dir);
        }
        System.setProperty("TENSORFLOW_LIBRARY_PATH", dir.toString());
        System.setProperty("org.bytedeco.javacpp.pathsFirst", "true");
        installed = dir;
        return dir;
    }

    private static String nativeVersion() {
        try (InputStream in = resource(POM_PROPERTIES)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new DenoiseException("cannot read the TensorFlow native jar's version: " + e.getMessage(), e);
        }
    }

    private static void extractTo(Path dir) {
        Path tmp = null;
        try {
            Files.createDirectories(dir.getParent());
            tmp = StaleFolders.create(dir.getParent(), EXTRACT_PREFIX);
            for (String lib : LIBRARIES) {
                try (InputStream in = resource(RESOURCE_DIR + lib)) {
                    Files.copy(in, tmp.resolve(lib));
                }
            }
            FileTrees.publish(tmp, dir);
        } catch (IOException e) {
            FileTrees.deleteIfPresent(tmp);
            throw new DenoiseException("cannot unpack the TensorFlow native libraries to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TensorFlowNatives.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing from the classpath: " + name
                    + " (the tensorflow-core-native linux-x86_64 jar must be beside model-zoo)");
        }
        return in;
    }
}
